import { routeOf } from './route';

test('the three pages served from one index.html', () => {
  expect(routeOf('/display')).toEqual({ page: 'hall' });
  expect(routeOf('/display/')).toEqual({ page: 'hall' });
  expect(routeOf('/display/window/5')).toEqual({ page: 'window', windowNumber: 5 });
  expect(routeOf('/rating/12')).toEqual({ page: 'rating', windowNumber: 12 });
});
