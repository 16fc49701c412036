import { createRoot } from 'react-dom/client';
import { langFromSearch } from './i18n';
import { bridgeConfig, kioskBridge } from './kiosk/kiosk-bridge';
import { idleSecondsFrom } from './kiosk/idle-timer';
import { KioskApp } from './kiosk/kiosk-app';
import './kiosk/kiosk.css';

async function start(): Promise<void> {
  const bridge = kioskBridge();
  const config = await bridgeConfig(bridge);
  const homeLang = config?.language ?? 'zh';
  const settings = {
    homeLang,
    initialLang: langFromSearch(window.location.search, homeLang),
    idleSeconds: idleSecondsFrom(window.location.search, config?.idleSeconds),
    bridge,
    localPrinter: config?.hasPrinter ?? false,
    idCardReader: config?.hasIdCardReader ?? false,
  };
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<KioskApp settings={settings} />);
}

void start();
