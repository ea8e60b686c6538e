/* eslint-disable @typescript-eslint/no-explicit-any */
export enum PlaceholderName { Top = 'Top', Bottom = 'Bottom' }
export interface PlaceholderContent { domElement: HTMLElement; dispose(): void }
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
