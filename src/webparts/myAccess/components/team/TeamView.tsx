import * as React from 'react';
import { Link, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'MyAccessWebPartStrings';
import { useServices } from '../../../../context/ServicesContext';
import { useAsync } from '../../../../hooks/useAsync';
import { StatusView } from '../../../../components/StatusView';
import { format } from '../../../../components/format';
import type { ITeamProbe } from '../../../../services/graph/GraphTeamService';
import { buildTeam, ITeamRow, TeamSection } from '../../../../models/team';
import { localDate, relativeDate } from '../myAccessText';

// "My team": a manager's read-only view of their direct reports' access, in its own chunk (access-hub-team), loaded
// only when a manager opens the tab. Graph's on='targetManager' behind it is metadata only (docs/graph-notes.md §3.14).

export interface ITeamViewProps {
  probe: ITeamProbe;
  endingSoonDays: number;
}

const ORDER: TeamSection[] = ['endingSoon', 'pending', 'active'];

const TeamView: React.FC<ITeamViewProps> = ({ probe, endingSoonDays }) => {
  const services = useServices();
  const { language, now, myAccessUrl } = services;
  const theme = useTheme();
  const { state, reload } = useAsync(() => {
    if (!services.team) return Promise.reject(new Error('no team service'));
    return services.team.read(probe);
  }, [services, probe]);
  const classes = React.useMemo(() => mergeStyleSets({
    list: { listStyle: 'none', margin: 0, padding: 0 },
    row: { padding: '8px 0', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` },
    soon: { fontWeight: 600 }
  }), [theme]);
  const headings: Record<TeamSection, string> = {
    endingSoon: strings.TeamEndingSoon, pending: strings.TeamPending, active: strings.TeamActive
  };
  const when = (row: ITeamRow): string => {
    if (row.section === 'pending') return format(strings.TeamPendingSince, localDate(row.createdDateTime, language));
    return row.endDateTime ? format(strings.Ends, relativeDate(row.endDateTime, now(), language)) : strings.NoEnd;
  };

  return (
    <Stack tokens={{ childrenGap: 12 }} data-team="">
      <Text block>{strings.TeamIntro}</Text>
      {myAccessUrl && <Link href={myAccessUrl} target="_blank" rel="noopener noreferrer">{strings.TeamManage}</Link>}
      <StatusView state={state} onRetry={reload} lines={3}>
        {data => {
          const model = buildTeam(data.assignments, data.requests, now(), endingSoonDays, language);
          return (
            <Stack tokens={{ childrenGap: 16 }}>
              {ORDER.map(section => {
                const rows = model[section];
                const id = `team-${section}`;
                return (
                  <section key={section} aria-labelledby={id} data-team-section={section}>
                    <Text as="h3" variant="mediumPlus" id={id} styles={{ root: { margin: '0 0 4px', fontWeight: 600 } }}>
                      {`${headings[section]} (${rows.length})`}
                    </Text>
                    {rows.length === 0 ? <Text block variant="small">{strings.TeamNone}</Text> : (
                      <ul className={classes.list}>
                        {rows.map(r => (
                          <li key={r.key} className={classes.row} data-person={r.personName} data-package={r.packageName}>
                            <Text block><strong>{r.personName}</strong><span aria-hidden="true">{' · '}</span><span>{r.packageName}</span></Text>
                            <Text block variant="small" className={section === 'endingSoon' ? classes.soon : undefined}>{when(r)}</Text>
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </Stack>
          );
        }}
      </StatusView>
    </Stack>
  );
};

export default TeamView;
