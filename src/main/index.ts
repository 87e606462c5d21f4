/** Electron entry (built to out/main/index.js): everything lives in ./electron, this only starts it. */
import { startApp } from './electron/main';

startApp();
