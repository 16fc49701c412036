// 好差评 follow-ups (extension): the supervisor's list with overdue ones flagged, and one step
// at a time through the workflow (services/follow-up/follow-up-workflow.ts).
import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { command } from '../http/command';
import { parse } from '../http/validate';
import { ownHall } from '../services/core';
import { addStep, FollowUpListQuery, FollowUpStepBody, listFollowUps } from '../services/follow-up/follow-up-workflow';

export function followUpsRouter(deps: AppDeps): Router {
  const r = Router();
  const repo = deps.repos.followUps;
  const supervisors = [deps.authenticate, deps.allow('admin', 'supervisor')];

  r.get('/halls/:hallId/follow-ups', ...supervisors, (req, res) => {
    const { hall } = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const q = parse(FollowUpListQuery, req.query);
    res.json(listFollowUps(repo, hall.id, q.status, deps.clock(), hall.timezone));
  });

  r.post('/follow-ups/:id/steps', ...supervisors, async (req, res) => {
    const body = parse(FollowUpStepBody, req.body);
    const identity = deps.identity(res);
    const { hall } = ownHall(deps, identity, identity.hallId);
    await command(deps, req, res, () => ({
      status: 201,
      body: {
        followUp: addStep(
          {
            repo, identity, now: deps.clock(), timeZone: hall.timezone,
            isStaff: (id) => deps.repos.staff.get(id)?.hallId === identity.hallId,
          },
          req.params.id as string,
          body,
        ),
      },
    }));
  });
  return r;
}
