import { buildLayout } from './layout';
import { renderTicketSvg } from './render-svg';
import { sampleTicket } from './sample-ticket';

describe('SVG preview', () => {
  const ticket = sampleTicket({ hallName: '市民中心 <东区> & 西区' });
  const svg = renderTicketSvg(ticket, { paperWidthMm: 58 });

  it('is one SVG as wide as the paper in dots', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="384" /);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('shows the ticket number, large', () => {
    expect(svg).toMatch(/scale\(4 4\)" text-anchor="middle" font-weight="bold">A007<\/text>/);
  });

  it('shows the same text lines as the printed layout', () => {
    const layout = buildLayout(ticket, { paperWidthMm: 58 });
    const printed = layout.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    const shown = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))));
    expect(shown).toEqual(printed);
  });

  it('escapes hall-provided text', () => {
    expect(svg).toContain('市民中心 &#60;东区&#62; &#38; 西区');
    expect(svg).not.toContain('<东区>');
  });

  it('leaves out what XML cannot hold (controls, U+FFFE, U+FFFF, lone surrogates) in hall-provided text, so the picture still opens', () => {
    const odd = renderTicketSvg(sampleTicket({ hallName: 'a\u0000\u0001\u001f\ufffe\uffff\ud800b 𐏿' }), { paperWidthMm: 58 });
    expect(odd).toContain('b 𐏿</text>');
    // eslint-disable-next-line no-control-regex
    expect(odd).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('draws the QR code as rects for the status URL', () => {
    expect(svg).toContain(`data-url="${ticket.statusUrl}"`);
    expect((svg.match(/<rect x=/g) ?? []).length).toBeGreaterThan(50);
  });
});
