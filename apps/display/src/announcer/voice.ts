// The speech layer: something that can play the chime and say one utterance, resolving when done.
export interface Utterance {
  lang: 'zh' | 'en';
  text: string;
  /** The recorded clips that say `text` (used by the clip voice). */
  clips: string[];
  /** Speed relative to normal (the short catch-up form is read a little faster). */
  rate?: number;
}

export interface Voice {
  readonly kind: 'web-speech' | 'clips' | 'silent';
  chime(): Promise<void>;
  say(utterance: Utterance): Promise<void>;
}
