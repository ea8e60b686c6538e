import * as React from 'react';
import { AccessCatalogRoot, IAccessCatalogProperties } from './accessCatalog/components/AccessCatalogRoot';
import { AccessRequestButtonRoot, IAccessRequestButtonProperties } from './accessRequestButton/components/AccessRequestButtonRoot';
import { MyAccessRoot, IMyAccessProperties } from './myAccess/components/MyAccessRoot';
import { AccessApprovalsRoot, IAccessApprovalsProperties } from './accessApprovals/components/AccessApprovalsRoot';

/** Each root's properties, by manifest alias. */
export interface IRootProperties {
  AccessCatalog: IAccessCatalogProperties;
  AccessRequestButton: IAccessRequestButtonProperties;
  MyAccess: IMyAccessProperties;
  AccessApprovals: IAccessApprovalsProperties;
}

/**
 * The root component of each web part, by manifest alias. SPFx web part classes and the local workbench
 * mount the same roots; an alias without a root yet is shown as a placeholder by the workbench.
 */
export const ROOTS: { [K in keyof IRootProperties]: React.ComponentType<{ properties: IRootProperties[K] }> } = {
  AccessCatalog: AccessCatalogRoot,
  AccessRequestButton: AccessRequestButtonRoot,
  MyAccess: MyAccessRoot,
  AccessApprovals: AccessApprovalsRoot
  // AccessPrompt is not here: it is its own bundle entry (core/prompt/runPrompt.ts).
};
