// Request bodies and socket messages as JSON Schema, generated from the zod schemas the server
// validates with, so the published contract cannot drift from what the routes accept.
import type { z } from 'zod';
import {
  AppointmentBody, CallTicketBody, CompleteBody, CreateTicketBody, DeviceBody, DevicePatch, DeviceStatusBody, EmptyBody, HallPatch, LocalizedTextSchema,
  LoginBody, NoticeBody, NoticePatch, PauseBody, RatingBody, ResumeMessage, ServiceBody, ServicePatch, StaffBody, StaffPatch,
  StatsQuery, TicketPreviewBody, TransferBody, WindowBody, WindowPatch, BookingBody, RemoteTicketBody, ArriveBody, PushSubscriptionBody, jsonSchema, type JsonSchema,
} from '@hallq/shared';
import { ApplySkillsBody, PlanBody, TomorrowBody } from '../routes/planning';
import { FollowUpStepBody } from '../services/follow-up/follow-up-workflow';

export type { JsonSchema };

/**
 * zod refinements (`.refine`) have no JSON Schema form and are dropped by the generator; the rules
 * they enforce are stated here so the document still tells a client about them.
 */
const REFINEMENTS: Record<string, string[]> = {
  RatingBody: ['a bad rating (level 4 or 5) needs a non-empty `reason`'],
  HallPatch: ['`announcementTemplate` must contain `{number}`'],
  ServiceBody: ['`booking.from` must be before `booking.to`'],
  ServicePatch: ['`booking.from` must be before `booking.to`'],
  StatsQuery: ['`from` must not be after `to`'],
  CompareQuery: ['`from` must not be after `to`', '`beforeFrom` must not be after `beforeTo`'],
  FollowUpStepBody: ['`assign` needs an `assignee` (staff id of the hall)', 'every other step needs a `note`', '`note` is trimmed first, so a blank note counts as missing'],
};

/**
 * Refinements that JSON Schema can state after all: merged into the generated schema so that
 * validators (and the fuzz and conformance tests) enforce them, not only read about them.
 */
const RULES_AS_SCHEMA: Record<string, JsonSchema> = {
  // Ratings 4 and 5 (不满意, 非常不满意) need a reason with something in it.
  RatingBody: {
    anyOf: [
      { properties: { level: { enum: [1, 2, 3] } } },
      { required: ['reason'], properties: { reason: { type: 'string', minLength: 1, pattern: '\\S' } } },
    ],
  },
};

/** One zod schema as a JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), input side. */
export function fromZod(schema: z.ZodType, name?: string): JsonSchema {
  const json = jsonSchema.fromZod(schema);
  if (name && RULES_AS_SCHEMA[name]) Object.assign(json, RULES_AS_SCHEMA[name]);
  const rules = name ? REFINEMENTS[name] : undefined;
  if (rules) {
    json['x-refinements'] = rules;
    json.description = [json.description, ...rules.map((r) => `Also checked: ${r}.`)].filter(Boolean).join(' ');
  }
  return json;
}

/** Every request body and client message, by the name it has in `@hallq/shared`. */
export const REQUEST_SCHEMAS = {
  LoginBody, CreateTicketBody, EmptyBody, PauseBody, CallTicketBody, CompleteBody, TransferBody, RatingBody,
  ServiceBody, ServicePatch, WindowBody, WindowPatch, StaffBody, StaffPatch, DeviceBody, DevicePatch,
  NoticeBody, NoticePatch, HallPatch, DeviceStatusBody, AppointmentBody, ResumeMessage, FollowUpStepBody, PlanBody, TicketPreviewBody,
  BookingBody, RemoteTicketBody, ArriveBody, PushSubscriptionBody, TomorrowBody, ApplySkillsBody,
} as const satisfies Record<string, z.ZodType>;

export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;

export function requestSchemas(): Record<RequestSchemaName, JsonSchema> {
  const out = {} as Record<RequestSchemaName, JsonSchema>;
  for (const [name, schema] of Object.entries(REQUEST_SCHEMAS) as Array<[RequestSchemaName, z.ZodType]>) out[name] = fromZod(schema, name);
  return out;
}

/**
 * The fields of a zod query schema as OpenAPI query parameters, in the order of the schema;
 * `describe` gives each its description. The refinements of `name` are added to the first one.
 */
export function queryParameters(schema: z.ZodType, name: string, describe: (field: string) => string | undefined = () => undefined): JsonSchema[] {
  const json = fromZod(schema) as { properties: Record<string, JsonSchema>; required?: string[] };
  const rules = REFINEMENTS[name] ?? [];
  return Object.entries(json.properties).map(([field, fieldSchema], i) => {
    const text = [describe(field), ...(i === 0 ? rules : [])].filter(Boolean).join('; ');
    return {
      name: field,
      in: 'query',
      required: json.required?.includes(field) ?? false,
      ...(text ? { description: `${text}.` } : {}),
      schema: fieldSchema,
    };
  });
}

/** The stats and reports query (`from`, `to`) as OpenAPI query parameters. */
export function statsQueryParameters(): JsonSchema[] {
  const json = fromZod(StatsQuery, 'StatsQuery') as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    description: `${name === 'from' ? 'First' : 'Last'} local date (inclusive) in the hall's timezone; ${REFINEMENTS.StatsQuery![0]}.`,
    schema,
  }));
}

export const localizedTextSchema = (): JsonSchema => fromZod(LocalizedTextSchema);
