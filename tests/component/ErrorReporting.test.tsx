import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { AppRoot } from '../../src/components/AppRoot';
import { IAccessHubServices } from '../../src/services/IAccessHubServices';
import { AccessApprovalsRoot } from '../../src/webparts/accessApprovals/components/AccessApprovalsRoot';
import { setErrorSink } from '../../src/services/infrastructure/reportError';
import { FakeEntitlementService } from './fakes/FakeEntitlementService';
import { FakeApprovalService } from './fakes/FakeApprovalService';
import { PERSONA_NOW } from './fakes/personas';

function servicesWith(approvals: FakeApprovalService): IAccessHubServices {
  return {
    entitlements: FakeEntitlementService.forPersona('adele'), site: { getSite: async () => undefined as never, getMyLevel: async () => 'none' },
    language: 'en-us', myAccessUrl: 'https://myaccess.microsoft.com/@contoso.onmicrosoft.com', now: () => PERSONA_NOW, approvals
  };
}

describe('errors that tell the truth', () => {
  let logged: Array<[string, string]>;
  beforeEach(() => {
    logged = [];
    setErrorSink((source, error, text) => { logged.push([source, `${error.kind}: ${text}`]); });
  });
  afterEach(() => { setErrorSink(undefined); });

  it('a bug (a TypeError in our code) is not shown as "offline", and is logged once', async () => {
    const fake = new FakeApprovalService([]);
    fake.listPendingApprovals = async () => (undefined as unknown as { map(): never }).map();
    render(<AppRoot services={servicesWith(fake)}><AccessApprovalsRoot properties={{ includeAccessReviews: false }} /></AppRoot>);
    expect(await screen.findByText(/Something went wrong: TypeError/)).toBeInTheDocument();
    expect(screen.queryByText(/could not be reached/)).toBeNull();
    expect(logged).toHaveLength(1);
    expect(logged[0][1]).toMatch(/^unknown: .*TypeError/);
  });

  it("the error boundary's componentDidCatch reports what broke the render", async () => {
    const Broken: React.FC = () => { throw new TypeError("Cannot read properties of undefined (reading 'displayName')"); };
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // React's own report of the render error
    try {
      render(<AppRoot services={servicesWith(new FakeApprovalService([]))}><Broken /></AppRoot>);
      expect(await screen.findByText('Something went wrong while showing this part of the page.')).toBeInTheDocument();
      await waitFor(() => expect(logged).toEqual([['AccessHub.render', expect.stringMatching(/^unknown: .*TypeError: Cannot read properties of undefined \(reading 'displayName'\)/)]]));
    } finally {
      quiet.mockRestore();
    }
  });
});
