import { HallScreen } from './pages/hall-screen';
import { RatingPad } from './pages/rating-pad';
import { WindowScreen } from './pages/window-screen';
import type { Route } from './route';

export function App({ route }: { route: Route }) {
  switch (route.page) {
    case 'window':
      return <WindowScreen windowNumber={route.windowNumber} />;
    case 'rating':
      return <RatingPad windowNumber={route.windowNumber} />;
    default:
      return <HallScreen />;
  }
}
