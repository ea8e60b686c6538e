/**
 * @jest-environment jsdom
 */
/** PromptMount: where the AccessPrompt banner lives between decisions, in the customizer and the workbench. */
import { currentPage, IBannerChunk, PromptMount } from '../../src/core/prompt/PromptMount';
import type { IPromptView } from '../../src/core/prompt/runPrompt';

const view = (kind: 'offer' | 'pending'): IPromptView => ({ banner: { kind } } as unknown as IPromptView);

/** A chunk that renders the banner's kind as text, as the real one renders the banner into the element. */
function fakeChunk(): IBannerChunk & { closers: Array<() => void>; loads: number } {
  const closers: Array<() => void> = [];
  return {
    closers,
    loads: 0,
    show: (target, v, onClose) => { target.textContent = v.banner.kind; closers.push(onClose); },
    hide: target => { target.textContent = ''; }
  };
}

function setup(placeholder: HTMLElement | null = document.createElement('div')): {
  mount: PromptMount; chunk: ReturnType<typeof fakeChunk>; target: { el: HTMLElement | undefined };
} {
  const chunk = fakeChunk();
  const target = { el: placeholder || undefined };
  const mount = new PromptMount(async () => { chunk.loads++; return chunk; }, () => target.el);
  return { mount, chunk, target };
}

describe('PromptMount', () => {
  it('shows the decision, loads the chunk once, and hides at once (no await) when dismissed', async () => {
    const { mount, chunk, target } = setup();
    const run = mount.begin();
    await mount.show(run, view('offer'));
    expect(target.el!.textContent).toBe('offer');
    await mount.show(run, view('pending'));
    expect(target.el!.textContent).toBe('pending');
    expect(chunk.loads).toBe(1);
    mount.hide(run);
    expect(target.el!.textContent).toBe('');
    expect(mount.isShown()).toBe(false);
  });

  it('a banner closed by the person stays closed when the placeholders change', async () => {
    const { mount, chunk, target } = setup();
    await mount.show(mount.begin(), view('offer'));
    chunk.closers[0]();
    expect(target.el!.textContent).toBe('');
    mount.placeholdersChanged();
    expect(target.el!.textContent).toBe('');
  });

  it('an older page view\'s decision arriving late is dropped; its hide does not touch the newer banner', async () => {
    const { mount, target } = setup();
    const first = mount.begin();
    const second = mount.begin();
    await mount.show(second, view('pending'));
    await mount.show(first, view('offer'));
    expect(target.el!.textContent).toBe('pending');
    mount.hide(first);
    expect(target.el!.textContent).toBe('pending');
  });

  it('waits for the top placeholder, shows there when it appears, and comes back after the placeholder was disposed', async () => {
    const { mount, target } = setup(null);
    await mount.show(mount.begin(), view('offer'));
    expect(mount.isShown()).toBe(false);
    const el = document.createElement('div');
    target.el = el;
    mount.placeholdersChanged();
    expect(el.textContent).toBe('offer');
    const next = document.createElement('div');
    target.el = next;
    mount.lost();
    mount.placeholdersChanged();
    expect(next.textContent).toBe('offer');
  });

  it('a failed chunk load is tried again by the next decision', async () => {
    let fail = true;
    const chunk = fakeChunk();
    const el = document.createElement('div');
    const mount = new PromptMount(async () => { if (fail) throw new Error('ChunkLoadError'); return chunk; }, () => el);
    const run = mount.begin();
    await expect(mount.show(run, view('offer'))).rejects.toThrow('ChunkLoadError');
    fail = false;
    await mount.show(run, view('offer'));
    expect(el.textContent).toBe('offer');
  });

  it('a navigatedEvent for the page the last decision was for is no new page view; another address is, a fragment is not', () => {
    const { mount } = setup();
    const page = 'https://contoso.sharepoint.com/sites/marketing/SitePages/Home.aspx';
    expect(mount.isNewPage(page)).toBe(true);
    mount.begin(page);
    expect(mount.isNewPage(page)).toBe(false);
    expect(mount.isNewPage('https://contoso.sharepoint.com/sites/marketing/SitePages/Campaigns.aspx')).toBe(true);
    // Dispose (begin without a page): whatever comes next is a new page view.
    mount.begin();
    expect(mount.isNewPage(page)).toBe(true);
    window.history.pushState(null, '', '/sites/marketing/SitePages/Home.aspx?as=adele#section');
    expect(currentPage()).toBe('http://localhost/sites/marketing/SitePages/Home.aspx?as=adele');
  });
});
