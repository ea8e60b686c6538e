/* eslint-disable @typescript-eslint/no-explicit-any */
export class BaseClientSideWebPart<TProps> {
  public properties: TProps = {} as TProps;
  public context: any;
  public domElement: HTMLElement = document.createElement('div');
  protected async onInit(): Promise<void> { /* SPFx does its own set-up here */ }
  protected onDispose(): void { /* overridden */ }
  protected onThemeChanged(theme?: unknown): void { void theme; }
  /** Test hook: what SPFx does when it loads a web part on a page. */
  public async __load(context: any, properties: TProps): Promise<void> {
    this.context = context;
    this.properties = properties;
    await this.onInit();
    (this as any).render();
  }
  public __dispose(): void { this.onDispose(); }
}
export interface IWebPartContext { [key: string]: any }
