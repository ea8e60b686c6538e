import * as React from 'react';

export interface IAccessPromptProperties {
  accessPackageId?: string;
}

/**
 * The slim banner lands in a later issue. Until then the customizer claims its placeholder and renders
 * nothing visible, so activating it on a site changes nothing for visitors.
 */
export const AccessPromptRoot: React.FC<{ properties: IAccessPromptProperties }> = () => <div data-accesshub="access-prompt" hidden />;
