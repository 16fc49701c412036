// qr-image ships no types; we only use its matrix encoder.
declare module 'qr-image' {
  export function matrix(text: string, ecLevel?: 'L' | 'M' | 'Q' | 'H', parseUrl?: boolean): number[][];
}
