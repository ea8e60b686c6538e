/* eslint-disable @typescript-eslint/no-explicit-any */
export enum PlaceholderName { Top = 'Top', Bottom = 'Bottom' }
export interface PlaceholderContent { domElement: HTMLElement; dispose(): void }

/**
 * An SPEvent as a component sees it (`add(observer, handler)`), plus `raise`, which only the host calls. A sticky
 * event (SharePoint's `_SPEventManager.raiseStickyEvent`, as navigatedEvent is) keeps its last arguments, and `add`
 * calls a new handler with them at once, synchronously, as SharePoint's registerEvent does.
 */
export class MockEvent {
  private _handlers: Array<{ observer: unknown; handler: (args: unknown) => void }> = [];
  private _raised: unknown = undefined;
  constructor(private readonly _sticky: boolean = false) {}
  public add(observer: unknown, handler: (args: unknown) => void): void {
    this._handlers.push({ observer, handler });
    if (this._raised !== undefined) handler.call(observer, this._raised);
  }
  public remove(observer: unknown, handler: (args: unknown) => void): void {
    this._handlers = this._handlers.filter(h => h.observer !== observer || h.handler !== handler);
  }
  public raise(): void {
    const args = {};
    if (this._sticky) this._raised = args;
    this._handlers.slice().forEach(h => h.handler.call(h.observer, args));
  }
}

/**
 * SharePoint's page application as a customizer sees it (`context.application`). As SharePoint's runtime does (its
 * `_Navigator` when it loads a page), navigatedEvent is sticky and raised for the first page view before the
 * customizers load, so a customizer's `add` hears it at once; and again for every in-site navigation (`navigate`),
 * where the address changes first. (The SPFx runtime host's browser tests run the real one.)
 */
export class MockApplication {
  public readonly navigatedEvent: MockEvent = new MockEvent(true);
  constructor() {
    this.navigatedEvent.raise();
  }
  public navigate(url: string): void {
    window.history.pushState(null, '', url);
    this.navigatedEvent.raise();
  }
}

export class BaseApplicationCustomizer<TProps> {
  public properties: TProps = {} as TProps;
  public context: any;
  protected async onInit(): Promise<void> { /* SPFx does its own set-up here */ }
  protected onDispose(): void { /* overridden */ }
  public async __load(context: any, properties: TProps): Promise<void> {
    this.context = context;
    this.properties = properties;
    await this.onInit();
  }
  public __dispose(): void { this.onDispose(); }
}
