import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): side menu becomes a drawer, panels stack. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
