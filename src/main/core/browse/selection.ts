import { AppError } from '../../../shared/errors';
import { baseName, isFolderKey, keyBytes, keyForNewName, maxKeyBytes, parentPrefix } from '../../../shared/model/keys';

/**
 * A selection without repeats and without keys already inside a selected folder (picking
 * `a/` and `a/x` means `a/` once), in the order given.
 */
export function normalizeSelection(keys: readonly string[]): string[] {
  const unique = [...new Set(keys)];
  const folders = unique.filter(isFolderKey);
  return unique.filter((key) => !folders.some((f) => f !== key && key.startsWith(f)));
}

/** One picked item and the key it becomes (an object key, or a folder prefix for a folder). */
export interface ItemTarget {
  itemKey: string;
  targetKey: string;
}

/**
 * Where each picked item goes when copied or moved into `destinationPrefix`, keeping its name.
 * Refuses, before any work starts, what can only go wrong: a folder into itself or one of its
 * own subfolders, an item onto itself, and names that would pass S3's key length.
 */
export function planTransfer(keys: readonly string[], destinationPrefix: string, verb: 'copy' | 'move'): ItemTarget[] {
  return normalizeSelection(keys).map((itemKey) => {
    if (isFolderKey(itemKey) && destinationPrefix.startsWith(itemKey)) {
      throw new AppError('InvalidInput', `Cannot ${verb} the folder “${itemKey}” into itself. Choose a folder outside it.`, {
        key: itemKey,
      });
    }
    if (parentPrefix(itemKey) === destinationPrefix) {
      const where = destinationPrefix || 'the top of the bucket';
      throw new AppError('InvalidInput', `“${baseName(itemKey)}” is already in ${where}. Choose another folder.`, { key: itemKey });
    }
    const targetKey = `${destinationPrefix}${baseName(itemKey)}${isFolderKey(itemKey) ? '/' : ''}`;
    if (keyBytes(targetKey) > maxKeyBytes) {
      throw new AppError(
        'InvalidInput',
        `“${baseName(itemKey)}” would get a key longer than S3's ${maxKeyBytes} bytes in that folder. Choose a shallower folder.`,
        { key: itemKey },
      );
    }
    return { itemKey, targetKey };
  });
}

/** Where a rename sends the item: same parent folder, new name. */
export function planRename(itemKey: string, newName: string): ItemTarget {
  const targetKey = keyForNewName(parentPrefix(itemKey), newName, isFolderKey(itemKey));
  if (targetKey === itemKey) throw new AppError('InvalidInput', 'That is already its name. Type a different name.', { key: itemKey });
  return { itemKey, targetKey };
}

/** The key an object inside a picked item gets at the item's target. */
export function targetKeyFor(sourceKey: string, item: ItemTarget): string {
  return `${item.targetKey}${sourceKey.slice(item.itemKey.length)}`;
}
