/* eslint-disable @typescript-eslint/no-explicit-any */
export enum PlaceholderName { Top = 'Top', Bottom = 'Bottom' }
export interface PlaceholderContent { domElement: HTMLElement; dispose(): void }

/** An SPEvent as a component sees it (`add(observer, handler)`), plus `raise`, which only the host calls. */
export class MockEvent {
  private _handlers: Array<{ observer: unknown; handler: (args: unknown) => void }> = [];
  public add(observer: unknown, handler: (args: unknown) => void): void {
    this._handlers.push({ observer, handler });
  }
  public remove(observer: unknown, handler: (args: unknown) => void): void {
    this._handlers = this._handlers.filter(h => h.observer !== observer || h.handler !== handler);
  }
  public raise(): void {
    this._handlers.slice().forEach(h => h.handler.call(h.observer, {}));
  }
}

/**
 * SharePoint's page application as a customizer sees it (`context.application`). Like SharePoint, it raises
 * navigatedEvent for the first page view too, once the customizer's onInit has finished (see `__load`), and for
 * every in-site navigation (`navigate`), where the address changes first.
 */
export class MockApplication {
  public readonly navigatedEvent: MockEvent = new MockEvent();
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
    // The first page view's navigatedEvent, as SharePoint raises it after loading the customizers.
    if (context.application instanceof MockApplication) context.application.navigatedEvent.raise();
  }
  public __dispose(): void { this.onDispose(); }
}
