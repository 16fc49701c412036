// What every administration section receives from the admin page.
import type { HallConfig } from '@hallq/shared';

export interface AdminSectionProps {
  hallId: string;
  config: HallConfig;
  reloadConfig(): void;
}
