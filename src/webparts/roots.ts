import * as React from 'react';
import { AccessCatalogRoot } from './accessCatalog/components/AccessCatalogRoot';
import { AccessRequestButtonRoot } from './accessRequestButton/components/AccessRequestButtonRoot';
import { MyAccessRoot } from './myAccess/components/MyAccessRoot';
import { AccessApprovalsRoot } from './accessApprovals/components/AccessApprovalsRoot';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The root component of each web part, by manifest alias. SPFx web part classes and the local workbench
 * mount the same roots; an alias without a root yet is shown as a placeholder by the workbench.
 */
export const ROOTS: Record<string, React.ComponentType<{ properties: any }> | undefined> = {
  AccessCatalog: AccessCatalogRoot,
  AccessRequestButton: AccessRequestButtonRoot,
  MyAccess: MyAccessRoot,
  AccessApprovals: AccessApprovalsRoot
  // AccessPrompt is not here: it is its own bundle entry (extensions/accessPrompt/startPrompt.ts).
};
