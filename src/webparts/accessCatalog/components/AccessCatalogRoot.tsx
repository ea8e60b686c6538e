import * as React from 'react';
import { SearchBox, Dropdown, IDropdownOption, Stack, Text, List, mergeStyleSets, IconButton, Spinner, SpinnerSize, MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { useCatalog } from '../../../hooks/useCatalog';
import { useDeepLink } from '../../../hooks/useDeepLink';
import { StatusView, EmptyState } from '../../../components/StatusView';
import { PackageCard } from '../../../components/PackageCard';
import { RequestPanel } from '../../../components/requestPanel/RequestPanel';
import { format, formatCount } from '../../../components/format';
import { CatalogScope, CatalogSort, ICatalogEntry, searchCatalog, sortCatalog } from '../../../models/catalog';
import { parsePackageRefs } from '../../../models/packageRef';
import { useServices } from '../../../context/ServicesContext';
import { useAccessChanged } from '../../../hooks/useAccessChanged';
import { useHost } from '../../../context/HostContext';
import { catalogScopeFor } from '../../../components/host/catalogScope';
import { returnFocus } from '../../../hooks/useFocusAfterRender';
import { Suggestions } from '../../../components/suggestions/Suggestions';

export interface IAccessCatalogProperties {
  title?: string;
  scope?: CatalogScope;
  /** Ids or My Access links, one per line, for scope `selected`. */
  packageIds?: string;
  layout?: 'list' | 'cards';
  showOwned?: boolean;
  /** The site's access map (core/model/siteAccessMap.ts), made by a site owner's scan; read for scope `currentSite`. */
  accessMap?: unknown;
  /** "Suggested for you" above the list (docs/graph-notes.md §3.9); off unless set. */
  showSuggestions?: boolean;
}

const classes = mergeStyleSets({
  // List puts each cell in a block of its own: the cards flow in rows only when its pages wrap them.
  cards: { selectors: { '.ms-List-page': { display: 'flex', flexWrap: 'wrap' } } },
  cardCell: { width: 300, display: 'inline-block', verticalAlign: 'top', marginRight: 12, marginBottom: 12 },
  listCell: { marginBottom: 8 }
});

interface IOpenPanel { id: string; name?: string }

export const AccessCatalogRoot: React.FC<{ properties: IAccessCatalogProperties }> = ({ properties }) => {
  const { language } = useServices();
  const scope: CatalogScope = catalogScopeFor(properties.scope || 'currentSite', useHost());
  const selectedIds = React.useMemo(() => parsePackageRefs(properties.packageIds), [properties.packageIds]);
  const { state, reload } = useCatalog({ scope, selectedIds, showOwned: properties.showOwned !== false, accessMap: properties.accessMap });
  const [query, setQuery] = React.useState('');
  const [sort, setSort] = React.useState<CatalogSort>('name');
  const [layout, setLayout] = React.useState<'list' | 'cards'>(properties.layout || 'list');
  // Sorted once per catalog and sort order; a keystroke in the search box only filters (searchCatalog keeps order).
  const loaded = state.status === 'success' ? state.value.entries : undefined;
  const sorted = React.useMemo(() => (loaded ? sortCatalog(loaded, sort, language) : []), [loaded, sort, language]);
  const [deepLinkId, clearDeepLink] = useDeepLink();
  const [panel, setPanel] = React.useState<IOpenPanel | undefined>(deepLinkId ? { id: deepLinkId } : undefined);

  const onOpen = React.useCallback((entry: ICatalogEntry) => setPanel({ id: entry.pkg.id, name: entry.pkg.displayName }), []);
  const onSuggested = React.useCallback((id: string, name: string) => setPanel({ id, name }), []);
  // What the person has or asked for is not suggested again (Graph may not know yet of a request just made).
  const taken = React.useMemo(() => (loaded || []).filter(e => e.status.kind === 'pending' || e.status.kind === 'delivering' || e.status.kind === 'hasAccess').map(e => e.pkg.id), [loaded]);
  const sectionRef = React.useRef<HTMLElement>(null);
  const onDismiss = React.useCallback(() => {
    // The focus goes back to the card's button (the list may have re-rendered it after a request).
    const id = panel && panel.id;
    returnFocus(() => (id && sectionRef.current ? sectionRef.current.querySelector<HTMLElement>(`article[data-package-id="${id}"] button`) || undefined : undefined));
    setPanel(undefined);
    clearDeepLink();
  }, [clearDeepLink, panel]);
  // After a request or cancel the person's status must be fresh, here and in the page's other components.
  const announce = useAccessChanged(reload);
  const onChanged = React.useCallback(() => { reload(); announce(); }, [reload, announce]);

  const sortOptions: IDropdownOption[] = [
    { key: 'name', text: strings.Common.SortName },
    { key: 'status', text: strings.Common.SortStatus }
  ];
  const layoutButton = (key: 'list' | 'cards', icon: string, label: string): React.ReactElement => (
    <IconButton
      iconProps={{ iconName: icon }}
      title={label}
      ariaLabel={label}
      checked={layout === key}
      aria-pressed={layout === key}
      onClick={() => setLayout(key)}
    />
  );

  return (
    <section ref={sectionRef} aria-label={properties.title || strings.Panel.Title} data-component="AccessCatalog">
      <Stack tokens={{ childrenGap: 12 }}>
        {properties.title && <Text as="h2" variant="xLarge" styles={{ root: { margin: 0 } }}>{properties.title}</Text>}
        {properties.showSuggestions === true && <Suggestions onRequest={onSuggested} hiddenIds={taken} />}
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
          <Stack.Item grow styles={{ root: { minWidth: 240 } }}>
            <SearchBox
              placeholder={strings.Catalog.SearchPlaceholder}
              ariaLabel={strings.Common.Search}
              value={query}
              onChange={(_, v) => setQuery(v || '')}
            />
          </Stack.Item>
          <Dropdown
            label={strings.Common.SortBy}
            selectedKey={sort}
            options={sortOptions}
            onChange={(_, o) => o && setSort(o.key as CatalogSort)}
            styles={{ root: { width: 140 } }}
          />
          <Stack horizontal role="group" aria-label={strings.Common.Layout}>
            {layoutButton('list', 'List', strings.Common.LayoutList)}
            {layoutButton('cards', 'GridViewMedium', strings.Common.LayoutCards)}
          </Stack>
        </Stack>
        <StatusView state={state} onRetry={reload} lines={4}>
          {data => {
            const shown = searchCatalog(data.entries === loaded ? sorted : sortCatalog(data.entries, sort, language), query);
            if (data.entries.length === 0) {
              return scope === 'currentSite'
                ? <EmptyState title={strings.Catalog.EmptySite} hint={strings.Catalog.EmptySiteHint} />
                : <EmptyState title={strings.Catalog.EmptyAll} hint={strings.Catalog.EmptyAllHint} />;
            }
            if (shown.length === 0) {
              return <EmptyState title={format(strings.Catalog.NoMatch, query)} hint={strings.Catalog.NoMatchHint} />;
            }
            return (
              <>
                <Text variant="small" role="status" aria-live="polite">{formatCount(strings.Catalog.Count, shown.length, language)}</Text>
                {data.scanning && <Spinner size={SpinnerSize.xSmall} label={strings.Catalog.StillLooking} labelPosition="right" />}
                {data.incomplete && <MessageBar messageBarType={MessageBarType.warning}>{strings.Catalog.Incomplete}</MessageBar>}
                <div className={layout === 'cards' ? classes.cards : undefined} data-layout={layout}>
                  {/* version: List keeps its rendered cells until its items change; a layout switch must render them anew. */}
                  <List
                    version={layout}
                    items={shown}
                    getKey={(e: ICatalogEntry) => e.pkg.id}
                    onRenderCell={(e?: ICatalogEntry) => e ? (
                      <div className={layout === 'cards' ? classes.cardCell : classes.listCell}>
                        <PackageCard entry={e} layout={layout} onOpen={onOpen} />
                      </div>
                    ) : null}
                  />
                </div>
              </>
            );
          }}
        </StatusView>
      </Stack>
      {panel && <RequestPanel packageId={panel.id} packageName={panel.name} isOpen onDismiss={onDismiss} onChanged={onChanged} />}
    </section>
  );
};
