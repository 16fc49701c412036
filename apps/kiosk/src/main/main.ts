// Entry point of the kiosk's Electron main process (package.json "main": dist/main/main.js).
import { runKiosk } from './kiosk-process';

runKiosk().catch((err: unknown) => {
  console.error('[kiosk] failed to start', err);
  process.exit(1);
});
