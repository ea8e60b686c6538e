import * as React from 'react';
import { Link, MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { AppError } from '../../services/infrastructure/AppError';
import { useServices } from '../../context/ServicesContext';
import { myAccessPackageUrl } from '../../models/packageRef';

/**
 * A policy that needs a Verified ID credential cannot be requested through Graph v1.0 (docs/graph-notes.md §3.13):
 * the person presents the credential in My Access, so the panel sends them there with the package open.
 */
export const VerifiedIdHandOff: React.FC<{ packageId: string }> = ({ packageId }) => {
  const { myAccessUrl } = useServices();
  return (
    <MessageBar messageBarType={MessageBarType.info} isMultiline data-verified-id="true">
      {strings.Steps.VerifiedId}{' '}
      <Link underline href={myAccessPackageUrl(myAccessUrl, packageId)} target="_blank" rel="noopener noreferrer">{strings.Steps.VerifiedIdLink}</Link>
    </MessageBar>
  );
};

/**
 * Graph documents no error code for a request without the credential its policy needs; a 400 whose code or message
 * speaks of a (verifiable) credential is taken as that, the rest stay ordinary errors.
 */
export function isCredentialError(e: AppError | undefined): boolean {
  return !!e && e.status === 400 && /credential/i.test(`${e.code} ${e.message}`);
}
