import { acceleratorsFor, commands, type CommandId } from '../../../shared/commands/command-table';
import { matchesBinding, parseAccelerator, type KeyBinding, type KeyInput } from '../../../shared/commands/key-binding';

/** Every table shortcut as a renderer key binding, for one platform. */
export function commandBindings(platform: string): Array<{ id: CommandId; binding: KeyBinding; inTextFields: boolean }> {
  return commands.flatMap((c) =>
    acceleratorsFor(c, platform).map((accelerator) => ({
      id: c.id,
      binding: parseAccelerator(accelerator, platform),
      inTextFields: c.inTextFields === true,
    })),
  );
}

/** The command a key press asks for, or null. `inTextField` leaves typing alone except for palette-like commands. */
export function commandForKey(bindings: ReturnType<typeof commandBindings>, e: KeyInput, inTextField: boolean): CommandId | null {
  const hit = bindings.find((b) => matchesBinding(b.binding, e) && (b.inTextFields || !inTextField));
  return hit?.id ?? null;
}
