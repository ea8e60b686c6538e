import type * as React from 'react';
import {
  IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneChoiceGroup, PropertyPaneToggle, PropertyPaneDropdown,
  PropertyPaneButton, PropertyPaneButtonType, PropertyPaneLabel, IPropertyPaneField
} from '@microsoft/sp-property-pane';
import * as strings from 'AccessCatalogWebPartStrings';
import { AccessHubWebPart } from '../AccessHubWebPart';
import type { WebPartUiModule } from '../webPartUi';
import type { IAccessCatalogProperties } from './components/AccessCatalogRoot';
import type { ISiteAccessMap } from '../../core/model/siteAccessMap';
import type { IScanProgress } from '../../services/loaders/scanSiteAccess';
import type { AppError } from '../../services/infrastructure/AppError';

const ADD_FIELD = 'addPackage';
/** The map's packages as the owner edits them (one id or My Access link per line); not a property of its own. */
const MAP_IDS_FIELD = 'accessMapIds';

export default class AccessCatalogWebPart extends AccessHubWebPart<IAccessCatalogProperties> {
  protected rootOf(ui: WebPartUiModule): React.ComponentType<{ properties: IAccessCatalogProperties }> {
    return ui.ROOTS.AccessCatalog;
  }

  /** Picking a package in the "add" dropdown appends its id to the list; the dropdown itself stores nothing. */
  protected onPropertyPaneFieldChanged(path: string, _old: unknown, value: unknown): void {
    if (path === MAP_IDS_FIELD) {
      this._editMap(typeof value === 'string' ? value : '');
      return;
    }
    if (path !== ADD_FIELD || typeof value !== 'string' || !value) return;
    const ids = this.ui.parsePackageRefs(this.properties.packageIds);
    if (ids.indexOf(value) < 0) ids.push(value);
    this.properties.packageIds = ids.join('\n');
    (this.properties as Record<string, unknown>)[ADD_FIELD] = '';
    this.context.propertyPane.refresh();
    this.render();
  }

  private _scan: { abort: AbortController; progress?: IScanProgress } | undefined;
  private _scanError: AppError | undefined;
  private _shareError: AppError | undefined;
  /** The map made here was also published for the whole site. */
  private _shared: boolean = false;

  /**
   * The map in the properties, when it is this site's: compared by the site's path, since the map names the site as
   * SharePoint's site read does and a page may be reached by another host name (the local workbench's origin).
   */
  private get _map(): ISiteAccessMap | undefined {
    const map = this.ui.readAccessMap(this.properties.accessMap);
    const path = (url: string): string => url.replace(/^https?:\/\/[^/]+/i, '').replace(/\/+$/, '').toLowerCase();
    return map && path(map.siteUrl) === path(this.context.pageContext.web.absoluteUrl) ? map : undefined;
  }

  /**
   * "Find the packages that grant this site": the scan runs here, in the owner's browser, with progress and a
   * cancel; its result is stored in this web part's properties (saved with the page), so visitors get it at no cost.
   */
  private _startScan(): void {
    if (this._scan) return;
    const scan: { abort: AbortController; progress?: IScanProgress } = { abort: new AbortController() };
    this._scan = scan;
    this._scanError = undefined;
    this._shared = false;
    this.context.propertyPane.refresh();
    import(/* webpackChunkName: 'access-hub-ui' */ '../../services/loaders/scanSiteAccess')
      .then(m => m.scanSiteAccess(this.services, {
        signal: scan.abort.signal,
        onProgress: progress => {
          if (this._scan !== scan) return;
          scan.progress = progress;
          this.context.propertyPane.refresh();
        }
      }))
      .then(async map => {
        this.properties.accessMap = map;
        this.render();
        // Shared with every Access Hub component on the site (the banner, buttons, catalogs on other pages).
        this._shareError = undefined;
        if (this.services.site.saveSiteAccessMap) {
          try {
            await this.services.site.saveSiteAccessMap(map);
            this._shared = true;
          } catch (e) {
            this._shareError = await this.ui.toAppError(e);
            this.ui.reportError('AccessCatalog.shareMap', this._shareError);
          }
        }
      }, async (e: unknown) => {
        if (e instanceof Error && e.name === 'ScanCancelled') return;
        this._scanError = await this.ui.toAppError(e);
        this.ui.reportError('AccessCatalog.scan', this._scanError);
      })
      .then(() => {
        if (this._scan === scan) this._scan = undefined;
        this.context.propertyPane.refresh();
        // Every outcome above is handled (stored, or shown with a retry); this only ends the chain.
      }, () => undefined);
  }

  private _cancelScan(): void {
    if (!this._scan) return;
    this._scan.abort.abort();
    this._scan = undefined;
    this.context.propertyPane.refresh();
  }

  /** The owner removed or added packages in the map's list: keep what was found for the ids still there. */
  private _editMap(text: string): void {
    const map = this._map;
    if (!map) return;
    const known = new Map(map.packages.map(p => [p.id, p] as [string, typeof p]));
    const packages = this.ui.parsePackageRefs(text).map(id => known.get(id.toLowerCase()) || { id: id.toLowerCase(), name: '', level: 'visitor' as const });
    this.properties.accessMap = { ...map, packages };
    this.context.propertyPane.refresh();
    this.render();
  }

  private _mapFields(): IPropertyPaneField<unknown>[] {
    const map = this._map;
    const scan = this._scan;
    const { format, formatCount, errorMessage } = this.ui;
    const language = this.context.pageContext.cultureInfo.currentUICultureName;
    let status: string;
    if (scan) {
      const p = scan.progress;
      status = p ? format(strings.MapScanning, String(p.read), String(p.total), String(p.found.length)) : strings.MapStarting;
    } else if (map) {
      status = formatCount(strings.MapMade, map.packages.length, language, new Date(map.madeAt).toLocaleString(language));
    } else {
      status = strings.MapNone;
    }
    const fields: IPropertyPaneField<unknown>[] = [PropertyPaneLabel('accessMapStatus', { text: status })];
    if (map && !scan && this._shared) fields.push(PropertyPaneLabel('accessMapShared', { text: strings.MapShared }));
    if (map && !scan && this._shareError) {
      fields.push(PropertyPaneLabel('accessMapNotShared', { text: format(strings.MapNotShared, errorMessage(this._shareError)) }));
    }
    if (scan) {
      fields.push(PropertyPaneButton('accessMapCancel', {
        text: strings.MapCancel, buttonType: PropertyPaneButtonType.Normal, onClick: () => { this._cancelScan(); return ''; }
      }));
    } else {
      fields.push(PropertyPaneButton('accessMapFind', {
        text: map ? strings.MapRefresh : strings.MapFind, buttonType: PropertyPaneButtonType.Primary,
        disabled: this.properties.scope !== undefined && this.properties.scope !== 'currentSite',
        onClick: () => { this._startScan(); return ''; }
      }));
    }
    fields.push(...this.errorFields('scan', this._scanError, strings.MapFailed, () => this._startScan()));
    if (map && !scan) {
      (this.properties as Record<string, unknown>)[MAP_IDS_FIELD] = map.packages.map(p => p.id).join('\n');
      fields.push(
        PropertyPaneTextField(MAP_IDS_FIELD, {
          label: strings.MapPackagesLabel,
          description: map.packages.map(p => p.name || p.id).join(', '),
          multiline: true
        }),
        PropertyPaneButton('accessMapRemove', {
          text: strings.MapRemove, buttonType: PropertyPaneButtonType.Normal,
          onClick: () => { this.properties.accessMap = undefined; this.context.propertyPane.refresh(); this.render(); return ''; }
        })
      );
    }
    return fields;
  }

  private _chosenNames(): string {
    const known = this.pickablePackages || [];
    return this.ui.parsePackageRefs(this.properties.packageIds)
      .map(id => (known.filter(p => p.id === id)[0] || { displayName: id }).displayName)
      .join(', ');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const selected = this.properties.scope === 'selected';
    const chosen = this._chosenNames();
    return {
      pages: [{
        header: { description: strings.PropertyPaneDescription },
        groups: [{
          groupName: strings.BasicGroupName,
          groupFields: [
            PropertyPaneTextField('title', { label: strings.TitleFieldLabel }),
            PropertyPaneChoiceGroup('scope', {
              label: strings.ScopeFieldLabel,
              options: [
                { key: 'currentSite', text: strings.ScopeCurrentSite },
                { key: 'all', text: strings.ScopeAll },
                { key: 'selected', text: strings.ScopeSelected }
              ]
            }),
            PropertyPaneDropdown(ADD_FIELD, {
              label: strings.AddPackageFieldLabel,
              disabled: !selected || !this.pickablePackages,
              options: (this.pickablePackages || []).map(p => ({ key: p.id, text: p.displayName }))
            }),
            ...this.pickableErrorFields,
            PropertyPaneTextField('packageIds', {
              label: strings.PackageIdsFieldLabel,
              description: chosen ? `${strings.PackageIdsChosen} ${chosen}` : strings.PackageIdsFieldDescription,
              multiline: true,
              disabled: !selected,
              onGetErrorMessage: (v: string) => {
                const bad = this.ui.invalidPackageRefs(v);
                return bad.length ? strings.PackageIdsInvalid.replace('{0}', bad.join(', ')) : '';
              }
            }),
            PropertyPaneChoiceGroup('layout', {
              label: strings.LayoutFieldLabel,
              options: [{ key: 'list', text: strings.LayoutList }, { key: 'cards', text: strings.LayoutCards }]
            }),
            PropertyPaneToggle('showOwned', { label: strings.ShowOwnedFieldLabel }),
            PropertyPaneToggle('showSuggestions', { label: strings.ShowSuggestionsFieldLabel, onText: strings.ShowSuggestionsOn, offText: strings.ShowSuggestionsOff })
          ]
        }, {
          groupName: strings.MapGroupName,
          groupFields: this._mapFields()
        }]
      }]
    };
  }
}
