import * as React from 'react';
import { ComingSoon } from '../../../components/ComingSoon';

export interface IMyAccessProperties {
  title?: string;
}

/** MyAccess lands in a later issue; until then the web part builds, loads and says so. */
export const MyAccessRoot: React.FC<{ properties: IMyAccessProperties }> = () => <ComingSoon name="MyAccess" />;
