import { existsSync } from 'node:fs';
import { nativeImage, type NativeImage, type WebContents } from 'electron';
import type { DragOutPort } from '../core/app/drag-out-files';

/**
 * The app icon at 32 px (resources/icons/32x32.png, made by `npm run icons`), shown under the
 * cursor while a file is dragged out. Inlined because macOS refuses an empty drag image and the
 * packaged app carries no loose resource files; test/unit/electron/drag-out.test.ts holds it
 * equal to the file, so a new icon cannot leave a stale copy here.
 */
export const dragIconPng =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAFrUlEQVR4nL2WfWxTZRTGn7frvso+OjY+BDcGzo3IMsqHCgS0I0MjapwKhjgiE2QIEgP4mWjC3R+IxMAUE034Q5nRqRACRsUYMICALETCmBpkAzqoYxtjtPvu2q3X533Xdll6WwiIv+TZe8653XvOPT3vvRUwwF6hWwc6PVN1odsAYWXoNtDdQhc1MckJZw6vF24GhjGsALvWm+2Fv4JmMfWfw2Q7Y2EqP6wlNiAAY4PM1Trtfh179du+4+gIdgRCFP6mJdXQpU9m8c7FgO/0nU4eRBahx8ROq2YnVAEPvtuxF/rNt33SaBMs8QKTxpjoARdb/Ojp03Hxqp/ezcHEldWbUkqFXdOtPd4OF2NRGZNqwvNz4zD7XjNGJPDfDej26DhR34+qY160tN+4GEtcSpqY9bbLPgBxiH5EyooSUPxA3GCCOh/Vr+wLgTu+hx2RRc3ONaOoII4RYN9JL3Yc9NCKTAz0QjHzTdc62hWUIRueTMSCglh8dbQPe7mpTBwNWcjTLLZkXjwO1Pqw7fteRiOyngW0abouNtIJY+lDCVQ8tnKTA2e8jAwxY5KZf4c4dbGff4dYMDUOr7H4L3/to4w7IYReLqa/3qZxAA0L+KQsGb0+HecaB5A7LgZ51OVLV3glMlkTxuHclQHUUXnjY5AYK7BmRyevGCDAAja0GnZgzuRYbFuejFO1Tuz56S9Un3bC2dTOKzcm865UzJqWiWcfm4IZBZlY/WkHTjuGd0iiOmBb16oB4R349g0rfN3XsbC0kt6ts3/nMoj4kSipcNMLgwW82qLpEGEFvPNcEhbNSeSdX8Znu05xdaKjq49XbkxKUjwemZeDRQvzYcvPQtWRXnz8QxevDIcPpHJRsLZFg0EH5vM4bV1hBR/PbBXFWEeXB2fPX6U1SLAgmTDI/VOzMMDT6eHMdvOyxwds3uXGyToGwpEFNBnOwPh0E37cOEoVEBI3lqtOyYK4hHwvv+Lg9dAaUNn2Vlw1eDCpGchf06Rxp430wzj2wWiea5PaRIl7yFUmDNoh0VdxKdpqpZpdA1j5USt3M0CegvyXIxfw4SorHi5IUBspBTZWiQJ2SPRVXIq2WqkTZz1472vDAQwUUNaoGX0FktVPJGHV48lqI6XAxipRwA6JvopL0VYrVXWoE1W/hA+gRH0F973UqMFgCCXzbRaUFKVgSpZArFmENlaJAnZI9FVcinYfH2AXmnXsOdqBY3/0cDdDWMByp2Z0DCUZfAOuLh6FNj7I0pOBkUmCMyHFZz5fxzKZSsrPdvXqfE9w8vmucHfraGfOFAuw47tWXO+UnwhHyGM4udSpIUIHJD9vGcujZELjdV0V0uzSGY1MRopAKhOPTBaszo/S95sZjYgs4JIWaQYk29dmwG5LVHcrWytXdde0m1iM9Eelshv0VVyKtlyP/9mL8spr3MUYNQO5L1zSEOEUSF55Jg0vPpp0SzOw+0gXPt/v4i4RkKcgd6lDi9aBwmkWzMhPw4TRQs1AGjUinr9mAjMQVGfP4Ay4+P27u3TVnepaF47XchgioDqQU+JYxw5U0DckxWLCnk2ZfCX70cQ54NM4KhYWl8Hv/+4ME1ZsdnI42Y5ICP4gyVnisOvQD9GNyMGKTIxNN6vWeryDwyjvOtjy4CqHzxzDzvBz9f/0YeWW6L8dBEShsJU6rB09fhf9iBTNtOCtpekYOzJWJVIJmUTaIdFXcerKNR82f9GKmvro7WJ303hWgImLz+/j8hQVlckT4pCXFY9xGWaVbHpeolp//7tXrU1t/ahz9qHeafjmG45ApWNXTqkqIHuJIxu+/hqaqdT/QTuPla3hm4kNqgBJ9uI6G/pxmDdyR4tgwnaYYW/YnStvWPpDZBc7sv3wagCWUXeCShPitIZ9ExsQYFgBQViIlfNu80PYOFW0bwOTcJug1wAJNUzsZmQY/wIK0eeY5KFtigAAAABJRU5ErkJggg==';

let icon: NativeImage | null = null;
function dragIcon(): NativeImage {
  icon ??= nativeImage.createFromDataURL(`data:image/png;base64,${dragIconPng}`);
  return icon;
}

/**
 * Electron's side of dragging a row out: `webContents.startDrag` on the window the user pressed
 * (the focused one: pressing a row focuses its window). It is called in the same turn as the
 * page's `app:dragOut` request from its `dragstart`, while the mouse button is still down, and
 * only with a file the core finished preparing (https://www.electronjs.org/docs/latest/tutorial/native-file-drag-drop).
 */
export function createDragOutPort(focusedContents: () => Pick<WebContents, 'startDrag'> | null): DragOutPort {
  return {
    startDrag(file) {
      const contents = focusedContents();
      // startDrag with a path that is gone crashes on some platforms; the core checked, check again.
      if (!contents || !existsSync(file)) return false;
      contents.startDrag({ file, icon: dragIcon() });
      return true;
    },
  };
}
