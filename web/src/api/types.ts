/*
 * JSON types of the four REST services, derived by hand from the Java sources (records serialised by Jackson
 * by component name; ContractBoard.View by its public fields). The web app reaches each service at
 * `/api/<service>/...`; the paths in the comments below are the services' own paths.
 *
 * Conventions:
 *  - `T | null`: the Java code can put null there (Jackson writes nulls out: the key is present).
 *  - `field?: T | null` (request bodies only): the field may be left out; Jackson reads it as null
 *    (or false / 0 for a Java primitive).
 *  - Enums are exported twice: an `as const` array of their names and the string-literal union derived from it.
 *
 * Hand-written, not generated: when a record changes on the Java side, change this file too.
 */

// ============================================================================================== common scalars

/** `java.time.Instant` / `OffsetDateTime`: ISO-8601, e.g. "2026-03-01T09:00:00Z". */
export type IsoInstant = string;
/** `java.time.LocalDate`: "YYYY-MM-DD". */
export type IsoDate = string;
/** `java.math.BigDecimal`: a JSON number (roubles with kopecks; mind floating point when doing sums). */
export type Decimal = number;
/** Any JSON value (`com.fasterxml.jackson.databind.JsonNode`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// ============================================================================================== errors (every service)

/** One wrong field of a request, by its path in the body (`participants[2].snils`); mirrors ru.fioco.training.platform.errors.FieldViolation. */
export interface FieldViolation {
  field: string;
  message: string;
}

/** The stable last segment of `Problem.type` (after "https://training.fioco.ru/problems/"); from ru.fioco.training.platform.web.ProblemMappers / OversizedRequests. */
export type ProblemSlug =
  | 'invalid-input'
  | 'malformed-json'
  | 'rule-violation'
  | 'file-too-large'
  | 'request-too-large'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'internal'
  | `http-${number}`;

/**
 * Every error answer of every service (`application/problem+json`, RFC 9457); mirrors ru.fioco.training.platform.web.Problem.
 * The record is `@JsonInclude(NON_EMPTY)`: null/empty members are left out. A rule's facts (e.g. `organisationInn`,
 * `lastAllowedDate`) appear as top-level extension members (`@JsonAnyGetter extensions()`).
 */
export interface Problem {
  /** "https://training.fioco.ru/problems/<slug>" (see ProblemSlug). */
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request path. */
  instance?: string;
  /** A stable rule name, with rule violations (422) and some conflicts (409). */
  rule?: string;
  errors?: FieldViolation[];
  [extension: string]: unknown;
}

// ============================================================================================== read-model admin (every service)

/** `ru.fioco.training.platform.rebuild.ReadModelRebuilds.State`. */
export const READ_MODEL_STATES = ['LIVE', 'REBUILDING', 'REBUILT', 'FAILED'] as const;
export type ReadModelState = (typeof READ_MODEL_STATES)[number];

/** `ru.fioco.training.platform.rebuild.ReadModelRebuilds.Source`. */
export const READ_MODEL_SOURCES = ['EVENT_STORE', 'KAFKA'] as const;
export type ReadModelSource = (typeof READ_MODEL_SOURCES)[number];

/** GET /admin/read-models (array), GET /admin/read-models/{name}, POST /admin/read-models/{name}/rebuild (202); mirrors ru.fioco.training.platform.rebuild.ReadModelRebuilds.Status. */
export interface ReadModelStatus {
  readModel: string;
  source: ReadModelSource;
  /** Kafka topics feeding a KAFKA model; empty for EVENT_STORE. */
  topics: string[];
  collections: string[];
  state: ReadModelState;
  /** SHA-256 of the model's content now. */
  checksum: string;
  documents: number;
  /** null: never rebuilt since the service started (state LIVE). */
  startedAt: IsoInstant | null;
  finishedAt: IsoInstant | null;
  checksumBefore: string | null;
  /** 0 while unknown. */
  documentsBefore: number;
  checksumAfter: string | null;
  /** 0 while unknown. */
  documentsAfter: number;
  /** checksumAfter equals checksumBefore; null until both are known. */
  matches: boolean | null;
  /** KAFKA: records to replay, once known. */
  eventsToReplay: number | null;
  /** KAFKA: records replayed so far (null while eventsToReplay is). */
  eventsReplayed: number | null;
  /** EVENT_STORE: the newest event's time when the rebuild began. */
  eventTimeTarget: IsoInstant | null;
  /** EVENT_STORE: the event time every segment has passed. */
  eventTimeReached: IsoInstant | null;
  /** Set when state is FAILED. */
  error: string | null;
}

// ============================================================================================== operations admin (every service)

/** GET /admin/publisher (staff; 404 problem when the service publishes nothing); mirrors ru.fioco.training.platform.publishing.PublisherQuarantineResource.PublisherStatus. */
export interface PublisherStatus {
  /** The Kafka topic the service publishes its events to. */
  topic: string;
  running: boolean;
  /** Events published since the service started. */
  published: number;
  /** Events in the event store not yet published: the publisher's lag. */
  unpublished: number;
  /** The event the publisher stopped at (it is in the quarantine, state PARKED); null while publishing goes on. */
  parkedEvent: string | null;
  lastError: string | null;
}

/** Body of POST /admin/publisher/quarantine/{eventId}/skip; mirrors ru.fioco.training.platform.publishing.PublisherQuarantineResource.SkipRequest. */
export interface PublisherSkipRequest {
  /** Required, not blank (400 problem naming `reason` otherwise). */
  reason: string;
}

/** `ru.fioco.training.platform.publishing.PublisherQuarantine.State`. */
export const QUARANTINE_STATES = ['PARKED', 'RELEASED', 'SKIPPED', 'PUBLISHED'] as const;
export type QuarantineState = (typeof QUARANTINE_STATES)[number];

/**
 * GET /admin/publisher/quarantine (array), GET /admin/publisher/quarantine/{eventId}, POST …/{eventId}/publish and
 * POST …/{eventId}/skip (409 problem when already decided); mirrors ru.fioco.training.platform.publishing.PublisherQuarantine.Entry.
 */
export interface QuarantineEntry {
  eventId: string;
  /** The publisher that parked it. */
  publisher: string;
  topic: string;
  /** The event's type (a Java class name). */
  type: string;
  aggregateId: string;
  /** The event's sequence in its aggregate; null when unknown. */
  sequence: number | null;
  /** Why it cannot be published. */
  reason: string;
  parkedAt: IsoInstant;
  state: QuarantineState;
  /** Who released or skipped it; null while PARKED. */
  decidedBy: string | null;
  decidedAt: IsoInstant | null;
  /** Set when SKIPPED. */
  skipReason: string | null;
}

/** `ru.fioco.training.platform.consuming.DeadLetters.State`. */
export const DEAD_LETTER_STATES = ['WAITING', 'REDRIVING', 'REDRIVEN'] as const;
export type DeadLetterState = (typeof DEAD_LETTER_STATES)[number];

/** A Kafka record header of a dead letter, as text; mirrors ru.fioco.training.platform.consuming.DeadLetters.DeadHeader. */
export interface DeadLetterHeader {
  name: string;
  value: string | null;
}

/**
 * GET /admin/dead-letters?consumer=&state= (array), GET /admin/dead-letters/{id}, POST /admin/dead-letters/{id}/redrive
 * (202, state REDRIVING); mirrors ru.fioco.training.platform.consuming.DeadLetters.DeadLetter.
 */
export interface DeadLetter {
  /** consumer|topic|partition|offset. */
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: number;
  /** The CloudEvents headers (ce_id, ce_type, ce_subject); null when the record lacked them. */
  eventId: string | null;
  type: string | null;
  subject: string | null;
  /** Why the consumer could not apply it (the latest time). */
  reason: string | null;
  /** How many times it was dead-lettered. */
  times: number;
  firstAt: IsoInstant | null;
  lastAt: IsoInstant | null;
  state: DeadLetterState;
  redrivenBy: string | null;
  redrivenAt: IsoInstant | null;
  key: string | null;
  /** The record's payload (JSON text, usually). */
  value: string | null;
  headers: DeadLetterHeader[];
}

// ============================================================================================== application-service

// ---------------------------------------------------------------------------------------------- enums

/** `ru.fioco.training.application.api.ApplicationStatus` (titles: черновик, на рассмотрении, исполнение, выполнена, снята). */
export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'IN_WORK', 'COMPLETED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** `ru.fioco.training.application.api.ApplicationType` (not serialised by any endpoint today; the summary's `type` is the Russian word). */
export const APPLICATION_TYPES = ['TRAINING'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/** `ru.fioco.training.application.api.ApplicationForm.Sex`. */
export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];

/** `ru.fioco.training.application.api.ApplicationForm.EducationLevel` (ВО, СПО). */
export const EDUCATION_LEVELS = ['HIGHER', 'SECONDARY_VOCATIONAL'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** `ru.fioco.training.application.api.ApplicationForm.ResultDelivery`. */
export const RESULT_DELIVERIES = ['ELECTRONIC', 'PAPER'] as const;
export type ResultDelivery = (typeof RESULT_DELIVERIES)[number];

/** `ru.fioco.training.application.api.ApplicationForm.PaymentTerms`. */
export const PAYMENT_TERMS = ['PREPAYMENT', 'POSTPAYMENT'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

/** `ru.fioco.training.application.api.RepresentativeStatus` (ожидает подтверждения, подтверждён, отказано, отозван, данные уничтожены). */
export const REPRESENTATIVE_STATUSES = ['PENDING', 'CONFIRMED', 'REFUSED', 'REVOKED', 'ERASED'] as const;
export type RepresentativeStatus = (typeof REPRESENTATIVE_STATUSES)[number];

/** Who did a history step; `ru.fioco.training.application.query.history.Sides.Party` (as `Step.side`). */
export const HISTORY_PARTIES = ['ORGANISATION', 'INSTITUTE', 'PLATFORM'] as const;
export type HistoryParty = (typeof HISTORY_PARTIES)[number];

// ---------------------------------------------------------------------------------------------- applications

/** Answer of POST /applications (201), PUT /applications/{id}, POST /applications/{id}/submit|return|take-into-work|withdraw, PUT /applications/{id}/participants/{participantId}; mirrors ru.fioco.training.application.web.ApplicationResource.Accepted. */
export interface Accepted {
  id: string;
}

/** Body of POST /applications/{id}/return and /withdraw, /representatives/{id}/refusal and /revocation; mirrors ru.fioco.training.application.web.ReasonRequest. */
export interface ReasonRequest {
  /** Required, at most 2000 characters. */
  reason: string;
}

/**
 * Body of POST /applications and PUT /applications/{id}; `form` of ApplicationDetail; mirrors
 * ru.fioco.training.application.api.ApplicationForm. A draft may leave anything out (nulls); submission checks all.
 */
export interface ApplicationForm {
  applicant: Applicant | null;
  resultDelivery: ResultDelivery | null;
  viaProcurementPlatform: boolean;
  /** Required (the platform's name) when viaProcurementPlatform. */
  comment: string | null;
  paymentTerms: PaymentTerms | null;
  programmeId: string | null;
  organisation: Organisation | null;
  personalDataConsent: boolean;
  /** Never null in answers (an absent list is read as empty). */
  participants: ApplicationFormParticipant[];
}

/** «Заявитель», nested in ApplicationForm; mirrors ru.fioco.training.application.api.ApplicationForm.Applicant. */
export interface Applicant {
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  position: string | null;
  /** Normalised to +7... */
  workPhone: string | null;
  mobilePhone: string | null;
  email: string | null;
}

/** The organisation and its requisites, nested in ApplicationForm; mirrors ru.fioco.training.application.api.ApplicationForm.Organisation. */
export interface Organisation {
  /** One of GET /applications/regions. */
  region: string | null;
  fullName: string | null;
  shortName: string | null;
  officialEmail: string | null;
  fisOkoLogin: string | null;
  legalAddress: string | null;
  postalAddress: string | null;
  inn: string | null;
  kpp: string | null;
  bik: string | null;
  /** 13 digits (15 for an individual entrepreneur). */
  ogrn: string | null;
  /** 20 digits, its key matching the BIK. */
  settlementAccount: string | null;
  /** 20 digits, 30101…, matching the BIK. */
  correspondentAccount: string | null;
  bankName: string | null;
  signatory: Signatory | null;
}

/** Who signs the contract for the organisation; mirrors ru.fioco.training.application.api.ApplicationForm.Signatory. */
export interface Signatory {
  position: string | null;
  fullName: string | null;
  basis: 'CHARTER' | 'POWER_OF_ATTORNEY' | null;
  /** Only with a power of attorney. */
  powerOfAttorneyNumber: string | null;
  powerOfAttorneyDate: IsoDate | null;
}

/**
 * One participant studying one subject, nested in ApplicationForm; also the body of
 * PUT /applications/{id}/participants/{participantId}; mirrors ru.fioco.training.application.api.ApplicationForm.Participant.
 */
export interface ApplicationFormParticipant {
  /** Assigned by the service: null (or left out) for a new participant in a request; always set in answers. */
  participantId: string | null;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  sex: Sex | null;
  position: string | null;
  birthDate: IsoDate | null;
  /** One of the programme's subjects. */
  subject: string | null;
  educationLevel: EducationLevel | null;
  diplomaSurname: string | null;
  diplomaSeries: string | null;
  diplomaNumber: string | null;
  /** 11 digits once normalised. */
  snils: string | null;
  email: string | null;
}

/** One line of GET /applications (ApplicationPage.items) and ApplicationDetail.summary; mirrors ru.fioco.training.application.query.ApplicationSummary. */
export interface ApplicationSummary {
  id: string;
  /** Given on the first submission; null for a draft never submitted. */
  number: string | null;
  createdAt: IsoInstant;
  submittedAt: IsoInstant | null;
  status: ApplicationStatus;
  statusTitle: string;
  /** Always the Russian word «обучение» today. */
  type: string;
  programmeId: string | null;
  /** null when no programme is chosen or the catalogue does not know it. */
  programmeTitle: string | null;
  organisationInn: string;
  organisationShortName: string | null;
  region: string | null;
  participantCount: number;
  reviewDueDate: IsoDate | null;
  reviewDueProvisional: boolean;
  reviewOverdue: boolean;
  /** The identity provider's subject of who drafted it. */
  draftedBy: string | null;
}

/** GET /applications; mirrors ru.fioco.training.application.query.ApplicationBoard.Page. */
export interface ApplicationPage {
  items: ApplicationSummary[];
  total: number;
  page: number;
  size: number;
}

/** Query of GET /applications (all optional; page 0..1000, size 1..100, q at most 100 characters). */
export interface ApplicationListQuery {
  status?: ApplicationStatus;
  contractStatus?: ContractStatus;
  programmeId?: string;
  region?: string;
  overdue?: boolean;
  q?: string;
  page?: number;
  size?: number;
}

/** GET /applications/{id}; mirrors ru.fioco.training.application.query.ApplicationBoard.Detail. */
export interface ApplicationDetail {
  summary: ApplicationSummary;
  /** null for auditors (personal data). */
  form: ApplicationForm | null;
  /** The last return's or withdrawal's reason. */
  lastReason: string | null;
  participantsLocked: boolean;
  /** Empty for auditors. */
  corrections: ApplicationCorrection[];
  /** Every destruction of a person's data in this application (by id only). */
  erasures: ApplicationErasure[];
  /** Each participant's consent; empty before the first submission. */
  consents: ParticipantConsent[];
  /** When the application was completed or withdrawn: its retention period counts from then. */
  endedAt: IsoInstant | null;
}

/** A participant's consent; mirrors ru.fioco.training.application.query.ApplicationBoard.Consent. */
export interface ParticipantConsent {
  participantId: string;
  /** The consent text's version the representative confirmed (null for submissions before versions). */
  textVersion: string | null;
  confirmedAt: IsoInstant;
  /** The representative's account; «скрыто» for auditors. */
  confirmedBy: string | null;
  withdrawalReceivedOn: IsoDate | null;
  eraseBy: IsoDate | null;
  withdrawalRecordedBy: string | null;
  erased: boolean;
}

/** The answer to POST …/consent/withdrawal; mirrors ru.fioco.training.application.web.ConsentResource.Withdrawn. */
export interface ConsentWithdrawn {
  participantId: string;
  receivedOn: IsoDate;
  eraseBy: IsoDate;
}

/** GET /staff/retention; mirrors ru.fioco.training.application.web.RetentionResource.Overview. */
export interface RetentionOverview {
  periods: { completedApplications: string; withdrawnApplications: string; daysAfterConsentWithdrawal: number };
  erased: { applicationId: string; number: string | null; erasure: ApplicationErasure }[];
  pendingWithdrawals: { applicationId: string; number: string | null; status: string; participantId: string;
    receivedOn: IsoDate; eraseBy: IsoDate }[];
}

/** One destruction by POST /staff/retention/pass; mirrors ru.fioco.training.application.policy.RetentionPolicy.Destroyed. */
export interface RetentionDestroyed {
  applicationId: string;
  subject: ErasureSubject;
  participantId: string | null;
  basis: ErasureBasis;
}

/** Whose data are destroyed; mirrors ru.fioco.training.application.api.PersonalDataErased.ErasureSubject. */
export type ErasureSubject = 'PARTICIPANT' | 'APPLICANT' | 'SIGNATORY' | 'APPLICATION';

/** The ground of a destruction; mirrors ru.fioco.training.application.api.PersonalDataErased.ErasureBasis. */
export type ErasureBasis = 'CONSENT_WITHDRAWN' | 'PURPOSE_ACHIEVED' | 'RETENTION_EXPIRED';

/** One destruction of personal data; mirrors ru.fioco.training.application.query.ApplicationBoard.Erasure. */
export interface ApplicationErasure {
  erasureId: string;
  subject: ErasureSubject;
  /** null for the applicant. */
  participantId: string | null;
  basis: ErasureBasis;
  erasedBy: string;
  erasedAt: IsoInstant;
}

/** POST /applications/{id}/erasures; mirrors ru.fioco.training.application.web.ErasureResource.ErasureRequest. */
export interface ErasureRequest {
  subject: ErasureSubject;
  participantId?: string | null;
  basis: ErasureBasis;
}

/** The answer to an erasure; mirrors ru.fioco.training.application.web.ErasureResource.Accepted. */
export interface ErasureAccepted {
  erasureId: string;
  act: string;
}

/** One correction of a participant after submission, in ApplicationDetail.corrections; mirrors ru.fioco.training.application.query.ApplicationBoard.Correction. */
export interface ApplicationCorrection {
  participantId: string;
  at: IsoInstant;
  changes: ApplicationCorrectionChange[];
}

/** A participant's field before and after a correction (values as Java's toString); mirrors ru.fioco.training.application.query.ApplicationBoard.Change. */
export interface ApplicationCorrectionChange {
  /** A component name of ApplicationFormParticipant. */
  field: string;
  before: string | null;
  after: string | null;
}

/** GET /applications/regions: the subjects of the Russian Federation for Organisation.region. */
export type Regions = string[];

// ---------------------------------------------------------------------------------------------- programmes

/** A programme's tutor, in ProgrammeView.tutors and ProgrammeRequest.tutors; mirrors ru.fioco.training.application.api.Tutor. */
export interface Tutor {
  name: string;
  email: string;
}

/** Body of POST /programmes and PUT /programmes/{id} (staff); mirrors ru.fioco.training.application.web.ProgrammeRequest. */
export interface ProgrammeRequest {
  /** At most 500 characters. */
  title: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** 16..2000: a qualification upgrade programme has at least 16 hours. */
  hours: number;
  /** 1..50 distinct names, each at most 200 characters. */
  subjects: string[];
  pricePerParticipant: Decimal;
  /** http(s)://..., at most 1000 characters. */
  lmsCourseUrl?: string | null;
  /** At most 20. */
  tutors?: Tutor[] | null;
}

/** GET /programmes (array; `?includeClosed=true` for staff), GET /programmes/{id}, POST /programmes (201), PUT /programmes/{id}; mirrors ru.fioco.training.application.query.ProgrammeView. */
export interface ProgrammeView {
  id: string;
  title: string;
  startDate: IsoDate;
  endDate: IsoDate;
  hours: number;
  subjects: string[];
  pricePerParticipant: Decimal;
  /** Always «Без НДС» (ProgrammeView.VAT_EXEMPT). */
  vat: 'Без НДС';
  lmsCourseUrl: string | null;
  tutors: Tutor[];
  open: boolean;
}

// ---------------------------------------------------------------------------------------------- next steps

/** One side's next step, in NextStepsNext.organisation / .institute; mirrors ru.fioco.training.application.query.nextstep.NextSteps.Step. */
export interface NextStepsStep {
  text: string;
  /** null: no date. */
  dueDate: IsoDate | null;
  provisional: boolean;
  overdue: boolean;
}

/** GET /next-steps/{applicationId} and the items of GET /next-steps; mirrors ru.fioco.training.application.query.nextstep.NextSteps.Next. */
export interface NextStepsNext {
  applicationId: string;
  number: string | null;
  /** Always set for the applications these endpoints return (null only if the application part were unknown). */
  status: ApplicationStatus;
  statusTitle: string;
  /** null until the contract is opened. */
  contractStatus: ContractStatus | null;
  /** The organisation's next step; null: nothing to do. */
  organisation: NextStepsStep | null;
  /** What the institute owes next; null: nothing. */
  institute: NextStepsStep | null;
  unreadForOrganisation: number;
  unreadForInstitute: number;
}

/** GET /next-steps (`?page=&size=`); mirrors ru.fioco.training.application.web.NextStepResource.Page. */
export interface NextStepsPage {
  items: NextStepsNext[];
  total: number;
  page: number;
  size: number;
}

// ---------------------------------------------------------------------------------------------- history

/** One step of an application's timeline, in ApplicationHistoryTimeline.steps; mirrors ru.fioco.training.application.query.history.ApplicationHistory.Step. */
export interface ApplicationHistoryStep {
  /** The publishing service, e.g. "application-service" (the CloudEvent source without "/", else the topic). */
  service: string;
  /** The event's simple type name, e.g. "ApplicationSubmitted". */
  type: string;
  time: IsoInstant;
  side: HistoryParty;
  /** Staff: the token subject; auditors: masked («скрыто» for e-mail-like subjects); representatives: null. */
  actor: string | null;
  sequence: number;
  /** A readable Russian line. */
  summary: string;
  /** The event's fields; masked for auditors (the string «скрыто» for an event this build cannot read). */
  data: JsonValue;
}

/** StateAsOf.application; mirrors ru.fioco.training.application.query.history.StateAsOf.ApplicationState. */
export interface ApplicationState {
  /** null when no application event happened by asOf. */
  status: ApplicationStatus | null;
  statusTitle: string | null;
  number: string | null;
}

/** StateAsOf.documents; mirrors ru.fioco.training.application.query.history.StateAsOf.DocumentsState. */
export interface DocumentsState {
  uploaded: number;
  accepted: number;
  rejected: number;
  awaitingReview: number;
  allAccepted: boolean;
}

/** StateAsOf.contract; mirrors ru.fioco.training.application.query.history.StateAsOf.ContractState. */
export interface ContractState {
  status: ContractStatus;
  /** e.g. «заключён, не оплачен». */
  label: string;
  /** 0 before an invoice. */
  invoiced: Decimal;
  paid: Decimal;
  payment: PaymentState;
  fullyPaid: boolean;
  certificates: number;
  /** The last package's tracking number. */
  trackingNumber: string | null;
}

/** StateAsOf.thread; mirrors ru.fioco.training.application.query.history.StateAsOf.ThreadState. */
export interface ThreadState {
  open: boolean;
  messages: number;
  notices: number;
}

/** ApplicationHistoryTimeline.state; mirrors ru.fioco.training.application.query.history.StateAsOf. */
export interface StateAsOf {
  application: ApplicationState;
  documents: DocumentsState;
  /** null until a contract is opened. */
  contract: ContractState | null;
  thread: ThreadState;
}

/** GET /applications/{applicationId}/history (`?asOf=2026-03-01T12:00:00+03:00`); mirrors ru.fioco.training.application.query.history.ApplicationHistory.Timeline. */
export interface ApplicationHistoryTimeline {
  applicationId: string;
  /** null: everything so far. */
  asOf: IsoInstant | null;
  steps: ApplicationHistoryStep[];
  state: StateAsOf;
}

// ---------------------------------------------------------------------------------------------- representatives

/** Body of PUT /representatives/me/settings, Registration.settings and RepresentativeView.settings; mirrors ru.fioco.training.application.api.RepresentativeSettings. */
export interface RepresentativeSettings {
  trainingApplications: boolean;
  supportRequests: boolean;
  eventApplications: boolean;
}

/**
 * RepresentativeView.profile; mirrors ru.fioco.training.application.api.RepresentativeProfile. For auditors the
 * names are initials («И.») and education, email, phone and login are «скрыто».
 */
export interface RepresentativeProfile {
  surname: string;
  name: string;
  patronymic: string | null;
  organisationName: string;
  position: string;
  education: string;
  email: string;
  phone: string;
  login: string;
}

/** Body of PUT /representatives/me (answer 204); mirrors ru.fioco.training.application.web.RepresentativeResource.Registration. */
export interface RepresentativeRegistration {
  surname: string;
  name: string;
  patronymic?: string | null;
  organisationName: string;
  position: string;
  education: string;
  phone: string;
  /** Used only when the token has no e-mail claim. */
  email?: string | null;
  /** The organisation's INN. */
  inn: string;
  /** RepresentativeAgreement.version as read. */
  agreementVersion: string;
  agreementAccepted: boolean;
  /** Left out: kept as they were (a new registration starts with training applications only). */
  settings?: RepresentativeSettings | null;
}

/** Body of POST /representatives/{id}/confirmation (staff; answer 204); mirrors ru.fioco.training.application.web.RepresentativeResource.Confirmation. */
export interface RepresentativeConfirmation {
  /** The INN staff checked; must match the request's. */
  organisationInn: string;
}

/** GET /representatives/agreement; mirrors ru.fioco.training.application.web.RepresentativeResource.Agreement. */
export interface RepresentativeAgreement {
  /** e.g. "2026-12-01". */
  version: string;
  title: string;
  text: string;
}

/** GET /representatives/{id} and the items of GET /representatives (staff, auditors; masked for auditors) and Mine.registration; mirrors ru.fioco.training.application.query.RepresentativeRegistry.View. */
export interface RepresentativeView {
  representativeId: string;
  /** Always set once registered. */
  status: RepresentativeStatus;
  statusTitle: string;
  organisationInn: string;
  profile: RepresentativeProfile;
  settings: RepresentativeSettings;
  agreementVersion: string;
  agreementAcceptedAt: IsoInstant;
  registeredAt: IsoInstant;
  /** The last confirmation, refusal or revocation; null while pending. */
  decidedAt: IsoInstant | null;
  /** The refusal's or revocation's reason («скрыто» for auditors). */
  reason: string | null;
  /** Set once the former representative's data are destroyed (then the profile reads «удалено»). */
  erasure: RepresentativeErasure | null;
}

/** A former representative's erasure; mirrors ru.fioco.training.application.query.RepresentativeRegistry.Erasure. */
export interface RepresentativeErasure {
  erasureId: string;
  basis: ErasureBasis;
  basisTitle: string;
  erasedBy: string;
  erasedAt: IsoInstant;
}

/** GET /representatives (`?status=&q=&page=&size=`); mirrors ru.fioco.training.application.query.RepresentativeRegistry.Page. */
export interface RepresentativePage {
  items: RepresentativeView[];
  total: number;
  page: number;
  size: number;
}

/** GET /representatives/me (404 before registration); mirrors ru.fioco.training.application.web.RepresentativeResource.Mine. */
export interface RepresentativeMine {
  registration: RepresentativeView;
  mayDraft: boolean;
  maySubmit: boolean;
}

/** Items of GET /representatives/{id}/history (array); mirrors ru.fioco.training.application.query.history.RepresentativeHistory.Entry. */
export interface RepresentativeHistoryEntry {
  /** The event's simple class name, e.g. "RepresentativeRegistered". */
  type: string;
  at: IsoInstant;
  /** null for auditors, or when the event has no actor. */
  actor: string | null;
  summary: string;
  /** The event's fields; masked for auditors. */
  data: JsonValue;
}

// ============================================================================================== document-service

/** `ru.fioco.training.document.api.DocumentSlot`; the first four per participant, the rest per application. Path segments accept lower case and "-" (e.g. `signed-contract`). */
export const DOCUMENT_SLOTS = [
  'PASSPORT',
  'SNILS',
  'EDUCATION',
  'NAME_CHANGE',
  'SIGNED_CONTRACT',
  'SIGNED_CONSENT',
  'SIGNED_ACT',
  'PAYMENT_ORDER',
] as const;
export type DocumentSlot = (typeof DOCUMENT_SLOTS)[number];

/** Per-participant slots (DocumentSlot.perParticipant() true). */
export const PARTICIPANT_DOCUMENT_SLOTS = ['PASSPORT', 'SNILS', 'EDUCATION', 'NAME_CHANGE'] as const;
/** Per-application slots (DocumentSlot.perParticipant() false). */
export const APPLICATION_DOCUMENT_SLOTS = ['SIGNED_CONTRACT', 'SIGNED_CONSENT', 'SIGNED_ACT', 'PAYMENT_ORDER'] as const;

/** `ru.fioco.training.document.api.SlotIndicator` (marks "✔", "✘", "!", ""). */
export const SLOT_INDICATORS = ['ACCEPTED', 'REJECTED', 'ATTENTION', 'MISSING'] as const;
export type SlotIndicator = (typeof SLOT_INDICATORS)[number];

/** One uploaded version, in DocumentSlotView.versions; mirrors ru.fioco.training.document.query.DocumentCabinet.Version. */
export interface DocumentVersion {
  version: number;
  documentId: string;
  size: number;
  sha256: string;
  contentType: string;
  /** null for auditors. */
  fileName: string | null;
  /** null for auditors. */
  uploadedBy: string | null;
  uploadedAt: IsoInstant;
}

/** One slot with its indicator and versions, in DocumentParticipantView.slots and DocumentFileView.applicationSlots; mirrors ru.fioco.training.document.query.DocumentCabinet.SlotView. */
export interface DocumentSlotView {
  slot: DocumentSlot;
  title: string;
  /** Application slots: always false. */
  required: boolean;
  indicator: SlotIndicator;
  /** "✔", "✘", "!" or "". */
  mark: string;
  /** The last rejection's reason; null after an acceptance or before any verdict. */
  reason: string | null;
  versions: DocumentVersion[];
}

/** A participant's slots, in DocumentFileView.participants; mirrors ru.fioco.training.document.query.DocumentCabinet.ParticipantView. */
export interface DocumentParticipantView {
  participantId: string;
  /** null for auditors. */
  displayName: string | null;
  slots: DocumentSlotView[];
}

/** A recorded download: GET /applications/{id}/documents/downloads (array, staff) and DocumentFileView.downloads; mirrors ru.fioco.training.document.query.DocumentCabinet.Download. */
export interface DocumentDownload {
  documentId: string;
  /** null for an application slot. */
  participantId: string | null;
  slot: DocumentSlot;
  version: number;
  by: string;
  role: string;
  at: IsoInstant;
}

/** GET /applications/{applicationId}/documents; mirrors ru.fioco.training.document.query.DocumentCabinet.FileView. */
export interface DocumentFileView {
  applicationId: string;
  organisationInn: string;
  closed: boolean;
  participantsFixed: boolean;
  participants: DocumentParticipantView[];
  applicationSlots: DocumentSlotView[];
  /** Staff only; empty for everyone else. */
  downloads: DocumentDownload[];
}

/**
 * Answer (201) of POST /applications/{id}/documents/{slot} and
 * POST /applications/{id}/documents/participants/{participantId}/{slot} (raw file body, `?name=`); mirrors
 * ru.fioco.training.document.web.DocumentResource.Uploaded.
 */
export interface DocumentUploaded {
  documentId: string;
  version: number;
  size: number;
  sha256: string;
  contentType: string;
  fileName: string;
}

/** Body of PUT /applications/{id}/documents/{slot}/verdict and .../participants/{participantId}/{slot}/verdict (staff; answer 204); mirrors ru.fioco.training.document.web.DocumentResource.Verdict. */
export interface DocumentVerdict {
  /** The version the verdict is about. */
  version: number;
  accepted: boolean;
  /** Required when rejecting. */
  reason?: string | null;
}

/** One version awaiting review, in DocumentReviewQueue.items; mirrors ru.fioco.training.document.query.DocumentCabinet.Awaiting. */
export interface DocumentAwaiting {
  applicationId: string;
  organisationInn: string;
  /** null for an application slot. */
  participantId: string | null;
  displayName: string | null;
  slot: DocumentSlot;
  slotTitle: string;
  version: number;
  uploadedAt: IsoInstant;
  /** Never null in the queue (drafts are left out). */
  reviewDueDate: IsoDate;
  provisional: boolean;
  overdue: boolean;
}

/** GET /documents/review-queue (staff; `?page=&size=`); mirrors ru.fioco.training.document.query.DocumentCabinet.Queue. */
export interface DocumentReviewQueue {
  items: DocumentAwaiting[];
  total: number;
  page: number;
  size: number;
}

/** GET /programmes/{id} on document-service (its copy of a programme); mirrors ru.fioco.training.document.query.ProgrammeCopy.Programme. */
export interface DocumentProgramme {
  id: string;
  title: string;
  startDate: IsoDate;
  endDate: IsoDate;
  subjects: string[];
  revision: number;
}

// ============================================================================================== contract-service

/** `ru.fioco.training.contract.api.ContractStatus`, in procedure order. */
export const CONTRACT_STATUSES = [
  'OPENED',
  'DRAFTS_ISSUED',
  'CONCLUDED',
  'ACT_ISSUED',
  'ACT_SIGNED',
  'ORIGINALS_RECEIVED',
  'SHIPPED',
  'CLOSED',
  'CANCELLED',
  'TERMINATED',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** `ru.fioco.training.contract.api.PaymentState` (не оплачен, оплачен частично, оплачен). */
export const PAYMENT_STATES = ['UNPAID', 'PARTLY_PAID', 'PAID'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** Answer of POST /contracts/{applicationId}/drafts/file and …/countersigned (staff; 201). */
export interface ContractUploaded {
  documentId: string;
  fileName: string;
  size: number;
}

/** GET /staff/contract-queues/{queue} (staff); the nearest deadline first. */
export type ContractQueue = 'awaiting-signed-scans' | 'conclusion-due-soon' | 'acts-to-issue' | 'originals-overdue'
  | 'certificates-to-issue' | 'packages-to-ship' | 'invoices-overdue';

/** Mirrors ru.fioco.training.contract.query.ContractBoard.QueuePage. */
export interface ContractQueuePage {
  total: number;
  items: ContractView[];
}

/** A draft version, in ContractView.drafts; mirrors ru.fioco.training.contract.query.ContractBoard.Draft. */
export interface ContractDraft {
  version: number;
  /** Download: GET /contracts/{applicationId}/documents/{documentId} (DOCX). */
  contractDocumentId: string;
  consentDocumentId: string;
  /** The revision's note; null for the first version. */
  note: string | null;
  /** Staff uploaded this version as an edited DOCX (else: generated). */
  uploaded: boolean;
  /** What the organisation asked to change in this version. */
  changeRequests: string[];
}

/** ContractView.access; mirrors ru.fioco.training.contract.query.ContractBoard.Access. */
export interface ContractAccess {
  /** null when the programme has no LMS course address. */
  courseUrl: string | null;
  /** null for auditors. */
  enrolmentKey: string | null;
  /** Every tutor of the programme, in its order. */
  tutors: ContractTutor[];
  instructions: string;
}

/** A tutor in ContractAccess.tutors; mirrors ru.fioco.training.contract.api.CourseAccessGranted.Tutor. */
export interface ContractTutor {
  name: string;
  email: string | null;
}

/** ContractView.invoice; mirrors ru.fioco.training.contract.query.ContractBoard.Invoice. */
export interface ContractInvoice {
  number: string;
  amount: Decimal;
  issuedOn: IsoDate;
  documentId: string;
  /** Pay by this day (null for an invoice issued before invoices had a due date). */
  dueDate: IsoDate | null;
  dueProvisional: boolean;
}

/** An entry of ContractView.payments; mirrors ru.fioco.training.contract.query.ContractBoard.Payment. */
export interface ContractPayment {
  paymentOrderNumber: string;
  paidOn: IsoDate;
  amount: Decimal;
}

/** ContractView.act; mirrors ru.fioco.training.contract.query.ContractBoard.Act. */
export interface ContractAct {
  number: string;
  issuedOn: IsoDate;
  documentId: string;
}

/** An entry of ContractView.certificates; mirrors ru.fioco.training.contract.query.ContractBoard.Certificate. */
export interface ContractCertificate {
  participantId: string;
  registrationNumber: string;
  issuedOn: IsoDate;
  holderName: string;
  /** The printed blank's series and number; null when not issued on a blank. */
  blankSeries: string | null;
  blankNumber: string | null;
}

/** An entry of ContractView.shipments; mirrors ru.fioco.training.contract.query.ContractBoard.Shipment. */
export interface ContractShipment {
  trackingNumber: string;
  withCertificates: boolean;
  /** What the package holds (empty for packages recorded before packages listed their items). */
  items: ShipmentItem[];
}

/** `ru.fioco.training.contract.api.PackageShipped.Item`. */
export type ShipmentItem = 'CONTRACT' | 'ACT' | 'INVOICE' | 'CERTIFICATES';

/** An entry of ContractView.originals; mirrors ru.fioco.training.contract.query.ContractBoard.OriginalsArrival. */
export interface OriginalsArrival {
  receivedOn: IsoDate;
  actCopies: number;
  contractCopies: number;
  trackingNumber: string | null;
}

/** ContractView.ending; mirrors ru.fioco.training.contract.query.ContractBoard.Ending. */
export interface ContractEnding {
  on: IsoDate;
  reason: string;
  /** What the school owes for services given before a termination; null for a cancellation. */
  amountOwed: Decimal | null;
}

/** An entry of ContractView.participants; mirrors ru.fioco.training.contract.api.ContractTerms.Participant. */
export interface ContractParticipant {
  participantId: string;
  /** «Фамилия Имя Отчество»; in contracts opened before the subject was kept apart, with the subject in brackets. */
  fullName: string;
  /** null in contracts opened before the subject was kept apart. */
  subject: string | null;
}

/**
 * GET /contracts/{applicationId} and the items of GET /staff/originals-overdue (staff); mirrors the public fields of
 * ru.fioco.training.contract.query.ContractBoard.View (a class, not a record).
 */
export interface ContractView {
  applicationId: string;
  applicationNumber: string;
  organisationInn: string;
  paymentTerms: PaymentTerms;
  totalAmount: Decimal;
  status: ContractStatus;
  /** e.g. «заключён, не оплачен». */
  statusLabel: string;
  payment: PaymentState;
  drafts: ContractDraft[];
  concludedOn: IsoDate | null;
  /** The draft version agreed and signed; null before conclusion (and for contracts concluded before it was kept). */
  agreedVersion: number | null;
  /** The scan signed by both sides, once staff upload it. */
  countersigned: { documentId: string; fileName: string } | null;
  /** null until concluded. */
  access: ContractAccess | null;
  /** null until issued (on conclusion with prepayment, else later). */
  invoice: ContractInvoice | null;
  payments: ContractPayment[];
  paid: Decimal;
  fullyPaid: boolean;
  act: ContractAct | null;
  /** Three working days after the act (l.410). */
  originalsDueDate: IsoDate | null;
  originalsDueProvisional: boolean;
  /** When the set became complete (act ×2, contract ×2); null until then. */
  originalsReceivedOn: IsoDate | null;
  originals: OriginalsArrival[];
  originalActCopies: number;
  originalContractCopies: number;
  /** How the contract ended early (cancelled or terminated); null while it runs. */
  ending: ContractEnding | null;
  /** participantId → passed. */
  results: Record<string, boolean>;
  certificates: ContractCertificate[];
  shipments: ContractShipment[];
  participants: ContractParticipant[];
  programmeId: string;
  programmeTitle: string;
  /** What the programme's last move broke for this contract (staff settle it); null when nothing. */
  programmeConflict: string | null;
  hours: number;
  programmeStart: IsoDate;
  programmeEnd: IsoDate;
  /** The documents GET /contracts/{applicationId}/documents/{documentId} serves. */
  documentIds: string[];
}

/** Body of POST /contracts/{applicationId}/drafts (staff; answer 202); mirrors ru.fioco.training.contract.web.ContractResource.RevisionRequest. */
export interface ContractRevisionRequest {
  note?: string | null;
}

/** Body of POST /contracts/{applicationId}/payments (staff; answer 202); mirrors ru.fioco.training.contract.web.ContractResource.PaymentRequest. */
export interface ContractPaymentRequest {
  paymentOrderNumber: string;
  paidOn: IsoDate;
  amount: Decimal;
}

/** Body of POST /contracts/{applicationId}/originals (staff; answer 202); mirrors ru.fioco.training.contract.web.ContractResource.OriginalsRequest. */
export interface ContractOriginalsRequest {
  /** Left out: today. */
  receivedOn?: IsoDate | null;
  /** Copies of the act in this envelope; both counts left out: the whole set (two of each). */
  actCopies?: number | null;
  contractCopies?: number | null;
  /** The school's postal tracking number, if they gave one. */
  trackingNumber?: string | null;
}

/** Body of POST /contracts/{applicationId}/termination (staff; answer 202); mirrors ru.fioco.training.contract.web.ContractResource.TerminationRequest. */
export interface ContractTerminationRequest {
  /** Left out: today. */
  terminatedOn?: IsoDate | null;
  reason: string;
  /** What the school owes for the services already given; 0 when nothing. */
  amountOwed: Decimal;
}

/** JSON body of POST /contracts/{applicationId}/results (staff; answer 202): participantId → passed (a `Map<String, Boolean>`; text/csv is accepted too). */
export type ContractResultsRequest = Record<string, boolean>;

/** Body of POST /contracts/{applicationId}/shipment (staff; answer 202); mirrors ru.fioco.training.contract.web.ContractResource.ShipmentRequest. */
export interface ContractShipmentRequest {
  trackingNumber: string;
}

/** GET /programmes/{id} on contract-service (its copy of a programme's terms); mirrors ru.fioco.training.contract.query.ProgrammeTerms.Terms. */
export interface ContractProgrammeTerms {
  id: string;
  title: string;
  startDate: IsoDate;
  endDate: IsoDate;
  hours: number;
  pricePerParticipant: Decimal;
  lmsCourseUrl: string | null;
  /** The programme's first tutor, if any. */
  tutorName: string | null;
  tutorEmail: string | null;
  revision: number;
}

// GET /staff/certificate-register.csv?year= answers text/csv (not JSON).

// ============================================================================================== messaging-service

/** `ru.fioco.training.messaging.api.Side`. */
export const SIDES = ['ORGANISATION', 'INSTITUTE'] as const;
export type Side = (typeof SIDES)[number];

/** `ru.fioco.training.messaging.api.NoticeKind`. */
export const NOTICE_KINDS = [
  'APPLICATION_RECEIVED',
  'APPLICATION_RETURNED',
  'APPLICATION_TAKEN_INTO_WORK',
  'APPLICATION_WITHDRAWN',
  'DOCUMENT_REJECTED',
  'DRAFTS_AVAILABLE',
  'CONTRACT_CONCLUDED',
  'COURSE_ACCESS_GRANTED',
  'INVOICE_ISSUED',
  'PAYMENT_RECEIVED',
  'ACT_ISSUED',
  'ORIGINALS_DUE',
  'ORIGINALS_OVERDUE',
  'PACKAGE_SHIPPED',
  'COURSE_STARTS_SOON',
  'COURSE_STARTS_TOMORROW',
  'REVIEW_DUE_TOMORROW',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** `ThreadEntry.type`: the literals ThreadBoard writes. */
export const THREAD_ENTRY_TYPES = ['MESSAGE', 'NOTICE'] as const;
export type ThreadEntryType = (typeof THREAD_ENTRY_TYPES)[number];

/** `ru.fioco.training.messaging.domain.ReminderBook.Status`. */
export const REMINDER_STATUSES = ['SCHEDULED', 'FIRED', 'EXPIRED', 'CANCELLED'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** Items of GET /threads (array; `?unread=true&page=&size=`); mirrors ru.fioco.training.messaging.web.ThreadResource.ThreadListItem. */
export interface ThreadListItem {
  applicationId: string;
  applicationNumber: string;
  organisationInn: string;
  organisationName: string;
  closed: boolean;
  /** The thread's last sequence number (messages and notices). */
  messages: number;
  /** Unread for the asking side. */
  unread: number;
  /** null before anything is posted. */
  lastMessageAt: IsoInstant | null;
}

/** An attachment of a message, in ThreadEntry.attachments; mirrors ru.fioco.training.messaging.query.ThreadBoard.Attachment. */
export interface ThreadAttachment {
  /** Download: GET /threads/{applicationId}/attachments/{attachmentId}. */
  attachmentId: string;
  /** «скрыто» for auditors. */
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * A message or a notice, in ThreadView.entries; mirrors ru.fioco.training.messaging.web.ThreadResource.Entry.
 * Messages have side/authorId and no kind/title; notices have kind/title/audience and no side/authorId.
 */
export interface ThreadEntry {
  messageId: string;
  sequence: number;
  type: ThreadEntryType;
  /** The author's side; null for a notice. */
  side: Side | null;
  authorId: string | null;
  /** The message's text (may be "" with attachments only; «скрыто» for auditors) or the notice's rendered text. */
  text: string | null;
  /** Empty for notices. */
  attachments: ThreadAttachment[];
  /** null for a message. */
  kind: NoticeKind | null;
  /** The notice's title; null for a message. */
  title: string | null;
  /** Who a notice is for; empty for a message. */
  audience: Side[];
  postedAt: IsoInstant;
  /** Addresses a notice was mailed to («скрыто» each for auditors); empty for a message. */
  mailedTo: string[];
}

/** A ThreadEntry narrowed to a message. */
export type ThreadMessageEntry = ThreadEntry & { type: 'MESSAGE'; side: Side; kind: null; title: null };
/** A ThreadEntry narrowed to a notice. */
export type ThreadNoticeEntry = ThreadEntry & { type: 'NOTICE'; side: null; authorId: null; kind: NoticeKind };

/** GET /threads/{applicationId} (`?after=&limit=`); mirrors ru.fioco.training.messaging.web.ThreadResource.ThreadView. */
export interface ThreadView {
  applicationId: string;
  applicationNumber: string;
  organisationInn: string;
  organisationName: string;
  closed: boolean;
  unread: number;
  entries: ThreadEntry[];
}

/** Body of POST /threads/{applicationId}/messages; mirrors ru.fioco.training.messaging.web.ThreadResource.NewMessage. */
export interface NewMessage {
  text: string;
  /** Ids from ThreadUploaded, uploaded by the same side into this thread. */
  attachmentIds?: string[] | null;
}

/** Answer (201) of POST /threads/{applicationId}/messages; mirrors ru.fioco.training.messaging.web.ThreadResource.Posted. */
export interface ThreadPosted {
  messageId: string;
  sequence: number;
}

/** Body of POST /threads/{applicationId}/read (answer 204); mirrors ru.fioco.training.messaging.web.ThreadResource.ReadMark. */
export interface ThreadReadMark {
  /** Left out / null: up to the last entry. */
  upToSequence?: number | null;
}

/** Answer (201) of POST /threads/{applicationId}/attachments (raw file body, `?name=`, at most 40 MB); mirrors ru.fioco.training.messaging.web.ThreadResource.Uploaded. */
export interface ThreadUploaded {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** ReminderBookEntry.reminder; mirrors ru.fioco.training.messaging.domain.Reminder. */
export interface Reminder {
  /** "<applicationId>:<kind>:<about>". */
  id: string;
  applicationId: string;
  kind: NoticeKind;
  /** The date the reminder is about (course start, review or originals due date). */
  about: IsoDate;
  fireAt: IsoInstant;
  /** ORIGINALS_OVERDUE never expires: Java's Instant.MAX, "+1000000000-12-31T23:59:59.999999999Z". */
  expiresAt: IsoInstant;
  provisional: boolean;
}

/** Items of GET /threads/{applicationId}/reminders (array, staff); mirrors ru.fioco.training.messaging.domain.ReminderBook.Entry. */
export interface ReminderBookEntry {
  reminder: Reminder;
  status: ReminderStatus;
  /** null while SCHEDULED. */
  settledAt: IsoInstant | null;
  /** Why it expired or was cancelled; null when fired or scheduled. */
  note: string | null;
}

/** GET /admin/mail/failed (staff): a mail given up on; mirrors ru.fioco.training.messaging.query.MailDelivery.FailedMail. */
export interface FailedMail {
  id: string;
  applicationId: string | null;
  applicationNumber: string | null;
  to: string;
  kind: string | null;
  attempts: number;
  lastError: string | null;
  failedAt: IsoInstant | null;
}

/** What a view of personal data was; mirrors ru.fioco.training.platform.accesslog.AccessLog.Kind. */
export type AccessKind = 'SCAN_DOWNLOADED' | 'CONTRACT_DOCUMENT_DOWNLOADED' | 'ATTACHMENT_DOWNLOADED' | 'REGISTER_EXPORTED'
  | 'PARTICIPANTS_READ';

/** GET /admin/access-log (each service); mirrors ru.fioco.training.platform.accesslog.AccessLog.Entry. */
export interface AccessLogEntry {
  at: IsoInstant;
  actor: string;
  role: string;
  kind: AccessKind;
  title: string;
  applicationId: string | null;
  /** Whose data: participant:<id>, applicant:<application id>, signatory:…, application:… */
  subjects: string[];
  objectId: string | null;
}
