import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PromptBanner, IPromptBannerProps } from '../../src/extensions/accessPrompt/components/PromptBanner';
import { PromptBanner as Banner } from '../../src/core/model/prompt';

const OFFER: Banner = { kind: 'offer', packageId: 'p', packageName: 'Marketing Campaign Contributors', level: 'visitor', target: 'member' };
const PENDING: Banner = { kind: 'pending', packageId: 'p', packageName: 'Marketing Campaign Contributors', requestId: 'r', approver: 'Megan Bowen' };
const EXPIRING: Banner = {
  kind: 'expiring', packageId: 'e', packageName: 'Engineering Onboarding', endDateTime: '2026-12-11T10:00:00Z', canExtend: true,
  assignment: { id: 'a', state: 'delivered', status: 'Delivered', accessPackageId: 'e' }
};

function setup(banner: Banner, extra: Partial<IPromptBannerProps> = {}): Record<string, jest.Mock> {
  const handlers = { onRequest: jest.fn(), onDetails: jest.fn(), onExtend: jest.fn(), onDismiss: jest.fn(), onClose: jest.fn() };
  render(<PromptBanner banner={banner} siteTitle="Marketing" language="en-us" {...handlers} {...extra} />);
  return handlers;
}

describe('PromptBanner', () => {
  it('offers the package in a polite live region, with Request and Dismiss reachable by keyboard', async () => {
    const h = setup(OFFER);
    const region = screen.getByRole('region', { name: 'Site access notice' });
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('You can view this site. Request Marketing Campaign Contributors to contribute.');
    expect(region.contains(status)).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Request' }));
    await userEvent.keyboard('{Enter}');
    expect(h.onRequest).toHaveBeenCalledTimes(1);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss' }));
    await userEvent.keyboard(' ');
    expect(h.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('closes with Escape from inside the banner', async () => {
    const h = setup(OFFER);
    await userEvent.tab();
    await userEvent.keyboard('{Escape}');
    expect(h.onClose).toHaveBeenCalledTimes(1);
    expect(h.onRequest).not.toHaveBeenCalled();
  });

  it('says who a pending request waits for and opens its details', async () => {
    const h = setup(PENDING);
    expect(screen.getByRole('status').textContent).toBe('Your request for Marketing Campaign Contributors: waiting for Megan Bowen.');
    expect(screen.queryByRole('button', { name: 'Request' })).toBeNull();
    await userEvent.click(screen.getByText('Details'));
    expect(h.onDetails).toHaveBeenCalledTimes(1);
  });

  it('says when access ends and extends; asks for a reason first when the policy requires one', async () => {
    const h = setup(EXPIRING, { extendNeedsReason: true, now: new Date('2026-12-01T10:00:00Z'), timeZone: 'UTC' });
    expect(screen.getByRole('status').textContent).toBe('Your access to Marketing through Engineering Onboarding ends in 10 days, on December 11.');
    await userEvent.click(screen.getByRole('button', { name: 'Extend' }));
    expect(h.onExtend).not.toHaveBeenCalled();
    const confirm = screen.getByRole('button', { name: 'Extend now' });
    expect((confirm as HTMLButtonElement).disabled || confirm.getAttribute('aria-disabled') === 'true').toBe(true);
    await userEvent.type(screen.getByRole('textbox', { name: 'Why do you need it longer?' }), 'Q1 release');
    await userEvent.click(screen.getByRole('button', { name: 'Extend now' }));
    expect(h.onExtend).toHaveBeenCalledWith('Q1 release');
  });

  it('shows no Extend where the policy does not allow it, and a note after the person acted', () => {
    setup({ ...EXPIRING, canExtend: false } as Banner, { notice: 'Extended.' });
    expect(screen.queryByRole('button', { name: 'Extend' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Extended.');
  });

  it('renders a site owner message as text', () => {
    setup(OFFER, { message: '<b>Ask Megan</b>' });
    expect(screen.getByText('<b>Ask Megan</b>')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
  });
});
