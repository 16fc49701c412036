// Erlang C (M/M/c): the one implementation lives in @hallq/shared (packages/shared/src/planning),
// which the server's staffing planner uses too; re-exported here for the simulator and planner.
export { erlangC, erlangCAgentsFor, erlangCMeanWait, erlangCWaitProbability } from '@hallq/shared';
