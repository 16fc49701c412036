import { liveRanges, memoryHashes } from './live-ranges';

describe('the live wait ranges a hall sends', () => {
  it('keeps the latest range per service, and drops it when a push comes without one or without an estimate', async () => {
    const ranges = liveRanges(memoryHashes(), 'p');
    await ranges.put('h1', [
      { serviceId: 'a', estimatedWaitSeconds: 1200, estimatedWaitRange: { lowSeconds: 900, highSeconds: 1500 } },
      { serviceId: 'b', estimatedWaitSeconds: 300, estimatedWaitRange: { lowSeconds: 60, highSeconds: 600 } },
      { serviceId: 'c', estimatedWaitSeconds: 300 },
    ]);
    let read = await ranges.read(['h1', 'h2']);
    expect([...read.get('h1')!]).toEqual([
      ['a', { lowSeconds: 900, highSeconds: 1500 }],
      ['b', { lowSeconds: 60, highSeconds: 600 }],
    ]);
    expect(read.get('h2')!.size).toBe(0);
    await ranges.put('h1', [
      { serviceId: 'a', estimatedWaitSeconds: null, estimatedWaitRange: { lowSeconds: 900, highSeconds: 1500 } },
      { serviceId: 'b', estimatedWaitSeconds: 240, estimatedWaitRange: null },
    ]);
    read = await ranges.read(['h1']);
    expect(read.get('h1')!.size).toBe(0);
  });

  it('gives back from each push the hall\'s ranges as they now stand, those of services not in the push included', async () => {
    const ranges = liveRanges(memoryHashes(), 'p');
    await ranges.put('h1', [
      { serviceId: 'a', estimatedWaitSeconds: 1200, estimatedWaitRange: { lowSeconds: 900, highSeconds: 1500 } },
      { serviceId: 'b', estimatedWaitSeconds: 300, estimatedWaitRange: { lowSeconds: 60, highSeconds: 600 } },
    ]);
    const written = await ranges.put('h1', [
      { serviceId: 'b', estimatedWaitSeconds: 240, estimatedWaitRange: null },
      { serviceId: 'c', estimatedWaitSeconds: 60, estimatedWaitRange: { lowSeconds: 0, highSeconds: 120 } },
    ]);
    expect(written).toEqual((await ranges.read(['h1'])).get('h1'));
    expect([...written]).toEqual([
      ['a', { lowSeconds: 900, highSeconds: 1500 }],
      ['c', { lowSeconds: 0, highSeconds: 120 }],
    ]);
  });

  it('ignores what it cannot read back as a range', async () => {
    const hashes = memoryHashes();
    await hashes.write('p:wait-ranges:h1', { a: '900,1500', b: 'x', c: '700,500', d: '-1,5' }, []);
    expect([...(await liveRanges(hashes, 'p').read(['h1'])).get('h1')!]).toEqual([['a', { lowSeconds: 900, highSeconds: 1500 }]]);
  });
});
