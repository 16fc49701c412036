// What the display declares as its public entry point `@hallq/display/announcer` (package.json
// "exports"): how a call becomes spoken text and clips, for tests that check what a hall hears.
export { announcementText, DEFAULT_TEMPLATE_ZH } from './text';
export { planClipsZh, CLIP_CATALOGUE } from './clip-plan';
export type { AnnouncerHook } from './browser-announcer';
export { briefTextZh } from './compose';
