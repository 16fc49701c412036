import { useState, type RefObject } from 'react';
import type { HallConfig } from '@hallq/shared';
import { createBrowserAnnouncer, type AnnouncerSettings, type BrowserAnnouncer } from '../../announcer/browser-announcer';
import { coversWindow, type AnnounceScope } from '../../announcer/coverage';
import { DEFAULT_TEMPLATE_EN, DEFAULT_TEMPLATE_ZH } from '../../announcer/text';

/** One announcer per page, reading the hall's current settings and this display's windows. */
export function useAnnouncer(hallRef: RefObject<HallConfig | null>, scopeRef: RefObject<AnnounceScope | null>): BrowserAnnouncer {
  const [announcer] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    const settings = (): AnnouncerSettings => ({
      template: hallRef.current?.announcementTemplate || DEFAULT_TEMPLATE_ZH,
      templateEn: hallRef.current?.announcementTemplateEn || DEFAULT_TEMPLATE_EN,
      repeat: hallRef.current?.announcementRepeat ?? 2,
      english: params.get('english') === '1',
      maxLagSeconds: hallRef.current?.announcementMaxLagSeconds ?? 15,
    });
    const voice = params.get('voice');
    const speed = Number(params.get('speed'));
    return createBrowserAnnouncer({
      clipsBaseUrl: `${import.meta.env.BASE_URL}clips/`,
      settings,
      covers: (n) => coversWindow(scopeRef.current, hallRef.current?.windows ?? [], n),
      voice: voice === 'clips' || voice === 'speech' ? voice : 'auto',
      clipRate: speed >= 0.5 && speed <= 4 ? speed : 1,
    });
  });
  return announcer;
}
