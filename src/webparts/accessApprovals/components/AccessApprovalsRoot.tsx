import * as React from 'react';
import { ComingSoon } from '../../../components/ComingSoon';

export interface IAccessApprovalsProperties {
  title?: string;
}

/** AccessApprovals lands in a later issue; until then the web part builds, loads and says so. */
export const AccessApprovalsRoot: React.FC<{ properties: IAccessApprovalsProperties }> = () => <ComingSoon name="AccessApprovals" />;
