import { call, fetchFile, saveFile, uploadFile, type Service } from './http';
import type {
  ApplicationDetail, ApplicationForm, ApplicationFormParticipant, ApplicationHistoryTimeline, ApplicationListQuery,
  ApplicationPage, Accepted, ConsentWithdrawn, FailedMail, RetentionDestroyed, RetentionOverview, ContractOriginalsRequest, ContractQueue, ContractQueuePage, ContractUploaded, ContractPaymentRequest, ContractTerminationRequest, ContractView, DocumentFileView, DocumentReviewQueue, DocumentSlot,
  DocumentUploaded, ErasureAccepted, ErasureBasis, ErasureRequest, NextStepsNext, NextStepsPage, ProgrammeRequest, ProgrammeView, ReadModelStatus,
  RepresentativeAgreement, RepresentativeHistoryEntry, RepresentativeMine, RepresentativePage,
  RepresentativeRegistration, RepresentativeSettings, RepresentativeStatus, RepresentativeView, ThreadListItem,
  ThreadPosted, ThreadUploaded, ThreadView,
} from './types';

const APP: Service = 'application-service';
const DOCS: Service = 'document-service';
const CONTRACTS: Service = 'contract-service';
const THREADS: Service = 'messaging-service';

const id = (s: string) => encodeURIComponent(s);

// ------------------------------------------------------------------ application-service

export const programmes = {
  list: (includeClosed = false) => call<ProgrammeView[]>(APP, '/programmes', { query: { includeClosed } }),
  one: (programmeId: string) => call<ProgrammeView>(APP, `/programmes/${id(programmeId)}`),
  publish: (p: ProgrammeRequest) => call<ProgrammeView>(APP, '/programmes', { method: 'POST', body: p }),
  change: (programmeId: string, p: ProgrammeRequest) =>
    call<ProgrammeView>(APP, `/programmes/${id(programmeId)}`, { method: 'PUT', body: p }),
  close: (programmeId: string) => call<void>(APP, `/programmes/${id(programmeId)}/closure`, { method: 'POST' }),
};

export const applications = {
  list: (q: ApplicationListQuery = {}) => call<ApplicationPage>(APP, '/applications', { query: { ...q } }),
  one: (applicationId: string) => call<ApplicationDetail>(APP, `/applications/${id(applicationId)}`),
  regions: () => call<string[]>(APP, '/applications/regions'),
  draft: (form: ApplicationForm) => call<Accepted>(APP, '/applications', { method: 'POST', body: form }),
  change: (applicationId: string, form: ApplicationForm) =>
    call<Accepted>(APP, `/applications/${id(applicationId)}`, { method: 'PUT', body: form }),
  submit: (applicationId: string) => call<Accepted>(APP, `/applications/${id(applicationId)}/submit`, { method: 'POST' }),
  takeIntoWork: (applicationId: string) =>
    call<Accepted>(APP, `/applications/${id(applicationId)}/take-into-work`, { method: 'POST' }),
  returnForCorrection: (applicationId: string, reason: string) =>
    call<Accepted>(APP, `/applications/${id(applicationId)}/return`, { method: 'POST', body: { reason } }),
  withdraw: (applicationId: string, reason: string) =>
    call<Accepted>(APP, `/applications/${id(applicationId)}/withdraw`, { method: 'POST', body: { reason } }),
  correct: (applicationId: string, participantId: string, data: ApplicationFormParticipant) =>
    call<Accepted>(APP, `/applications/${id(applicationId)}/participants/${id(participantId)}`, { method: 'PUT', body: data }),
  history: (applicationId: string, asOf?: string) =>
    call<ApplicationHistoryTimeline>(APP, `/applications/${id(applicationId)}/history`, { query: { asOf } }),
};


// ------------------------------------------------------------------ personal data (application-service)

/** An application's people: destroying their data, its acts, consents withdrawn. */
export const personalData = {
  erase: (applicationId: string, request: ErasureRequest) =>
    call<ErasureAccepted>(APP, `/applications/${id(applicationId)}/erasures`, { method: 'POST', body: request }),
  saveDestructionAct: (applicationId: string, erasureId: string) =>
    saveFile(APP, `/applications/${id(applicationId)}/erasures/${id(erasureId)}/act`,
      `Акт об уничтожении ПДн ${erasureId.slice(0, 8)}.docx`),
  withdrawConsent: (applicationId: string, participantId: string, receivedOn: string) =>
    call<ConsentWithdrawn>(APP, `/applications/${id(applicationId)}/participants/${id(participantId)}/consent/withdrawal`,
      { method: 'POST', body: { receivedOn } }),
};

/** The retention periods, what they destroyed, and a pass run now. */
export const retention = {
  overview: () => call<RetentionOverview>(APP, '/staff/retention'),
  runNow: () => call<RetentionDestroyed[]>(APP, '/staff/retention/pass', { method: 'POST' }),
};

export const nextSteps = {
  list: (page = 0, size = 100) => call<NextStepsPage>(APP, '/next-steps', { query: { page, size } }),
  one: (applicationId: string) => call<NextStepsNext>(APP, `/next-steps/${id(applicationId)}`),
};

export const representatives = {
  agreement: () => call<RepresentativeAgreement>(APP, '/representatives/agreement'),
  mine: () => call<RepresentativeMine>(APP, '/representatives/me'),
  register: (r: RepresentativeRegistration) => call<void>(APP, '/representatives/me', { method: 'PUT', body: r }),
  settings: (s: RepresentativeSettings) => call<void>(APP, '/representatives/me/settings', { method: 'PUT', body: s }),
  list: (status?: RepresentativeStatus, q?: string, page = 0, size = 50) =>
    call<RepresentativePage>(APP, '/representatives', { query: { status, q, page, size } }),
  one: (representativeId: string) => call<RepresentativeView>(APP, `/representatives/${id(representativeId)}`),
  history: (representativeId: string) =>
    call<RepresentativeHistoryEntry[]>(APP, `/representatives/${id(representativeId)}/history`),
  confirm: (representativeId: string, organisationInn: string) =>
    call<void>(APP, `/representatives/${id(representativeId)}/confirmation`, { method: 'POST', body: { organisationInn } }),
  refuse: (representativeId: string, reason: string) =>
    call<void>(APP, `/representatives/${id(representativeId)}/refusal`, { method: 'POST', body: { reason } }),
  revoke: (representativeId: string, reason: string) =>
    call<void>(APP, `/representatives/${id(representativeId)}/revocation`, { method: 'POST', body: { reason } }),
  /** Destroys a former (refused or revoked) representative's data and account; the act is ready at once. */
  erase: (representativeId: string, basis: ErasureBasis) =>
    call<ErasureAccepted>(APP, `/representatives/${id(representativeId)}/erasure`, { method: 'POST', body: { basis } }),
  saveDestructionAct: (representativeId: string, erasureId: string) =>
    saveFile(APP, `/representatives/${id(representativeId)}/erasure/act`,
      `Акт об уничтожении ПДн ${erasureId.slice(0, 8)}.docx`),
};

export const readModels = {
  list: (service: Service) => call<ReadModelStatus[]>(service, '/admin/read-models'),
  rebuild: (service: Service, name: string) =>
    call<ReadModelStatus>(service, `/admin/read-models/${id(name)}/rebuild`, { method: 'POST' }),
};

// ------------------------------------------------------------------ document-service

function slotPath(applicationId: string, participantId: string | null, slot: DocumentSlot) {
  return `/applications/${id(applicationId)}/documents${participantId ? `/participants/${id(participantId)}` : ''}/${slot}`;
}

export const documents = {
  file: (applicationId: string) => call<DocumentFileView>(DOCS, `/applications/${id(applicationId)}/documents`),
  upload: (applicationId: string, participantId: string | null, slot: DocumentSlot, file: File,
    onProgress?: (percent: number) => void) =>
    uploadFile<DocumentUploaded>(DOCS, slotPath(applicationId, participantId, slot), file, onProgress),
  verdict: (applicationId: string, participantId: string | null, slot: DocumentSlot, version: number, accepted: boolean,
    reason?: string) => call<void>(DOCS, `${slotPath(applicationId, participantId, slot)}/verdict`,
    { method: 'PUT', body: { version, accepted, reason: reason ?? null } }),
  fetch: (applicationId: string, documentId: string) =>
    fetchFile(DOCS, `/applications/${id(applicationId)}/documents/files/${id(documentId)}`),
  save: (applicationId: string, documentId: string, name: string) =>
    saveFile(DOCS, `/applications/${id(applicationId)}/documents/files/${id(documentId)}`, name),
  reviewQueue: (page = 0, size = 100) => call<DocumentReviewQueue>(DOCS, '/documents/review-queue', { query: { page, size } }),
};

// ------------------------------------------------------------------ contract-service

export const contracts = {
  one: (applicationId: string) => call<ContractView>(CONTRACTS, `/contracts/${id(applicationId)}`),
  save: (applicationId: string, documentId: string, name: string) =>
    saveFile(CONTRACTS, `/contracts/${id(applicationId)}/documents/${id(documentId)}`, name),
  revise: (applicationId: string, note: string) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/drafts`, { method: 'POST', body: { note } }),
  conclude: (applicationId: string) => call<void>(CONTRACTS, `/contracts/${id(applicationId)}/conclusion`, { method: 'POST' }),
  pay: (applicationId: string, p: ContractPaymentRequest) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/payments`, { method: 'POST', body: p }),
  act: (applicationId: string) => call<void>(CONTRACTS, `/contracts/${id(applicationId)}/act`, { method: 'POST' }),
  originals: (applicationId: string, o: ContractOriginalsRequest) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/originals`, { method: 'POST', body: o }),
  requestChanges: (applicationId: string, version: number, comment: string) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/change-requests`, { method: 'POST', body: { version, comment } }),
  uploadDraft: (applicationId: string, file: File, note: string, onProgress?: (percent: number) => void) =>
    uploadFile<ContractUploaded>(CONTRACTS, `/contracts/${id(applicationId)}/drafts/file`, file, onProgress, undefined, { note }),
  uploadCountersigned: (applicationId: string, file: File, onProgress?: (percent: number) => void) =>
    uploadFile<ContractUploaded>(CONTRACTS, `/contracts/${id(applicationId)}/countersigned`, file, onProgress),
  queue: (queue: ContractQueue, page = 0, size = 50) =>
    call<ContractQueuePage>(CONTRACTS, `/staff/contract-queues/${queue}`, { query: { page, size } }),
  terminate: (applicationId: string, t: ContractTerminationRequest) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/termination`, { method: 'POST', body: t }),
  results: (applicationId: string, passed: Record<string, boolean>) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/results`, { method: 'POST', body: passed }),
  certificates: (applicationId: string, blanks?: { blankSeries: string; firstBlankNumber: number }) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/certificates`, { method: 'POST', body: blanks ?? {} }),
  unfilledRegisterColumns: () =>
    call<{ number: number; title: string; why: string }[]>(CONTRACTS, '/staff/certificate-register/unfilled-columns'),
  ship: (applicationId: string, trackingNumber: string) =>
    call<void>(CONTRACTS, `/contracts/${id(applicationId)}/shipment`, { method: 'POST', body: { trackingNumber } }),
  originalsOverdue: () => call<ContractView[]>(CONTRACTS, '/staff/originals-overdue'),
  invoicesOverdue: () => call<ContractView[]>(CONTRACTS, '/staff/invoices-overdue'),
  saveRegister: (year: number) => saveFile(CONTRACTS, `/staff/certificate-register.csv?year=${year}`,
    `реестр-удостоверений-${year}.csv`),
};

// ------------------------------------------------------------------ messaging-service

export const mail = {
  failed: () => call<FailedMail[]>(THREADS, '/admin/mail/failed'),
  retry: (id: string) => call<void>(THREADS, `/admin/mail/failed/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
};

export const threads = {
  list: (unread = false, page = 0, size = 200) =>
    call<ThreadListItem[]>(THREADS, '/threads', { query: { unread, page, size } }),
  one: (applicationId: string) => call<ThreadView>(THREADS, `/threads/${id(applicationId)}`, { query: { limit: 500 } }),
  post: (applicationId: string, text: string, attachmentIds: string[]) =>
    call<ThreadPosted>(THREADS, `/threads/${id(applicationId)}/messages`, { method: 'POST', body: { text, attachmentIds } }),
  read: (applicationId: string) => call<void>(THREADS, `/threads/${id(applicationId)}/read`, { method: 'POST', body: {} }),
  attach: (applicationId: string, file: File, onProgress?: (percent: number) => void) =>
    uploadFile<ThreadUploaded>(THREADS, `/threads/${id(applicationId)}/attachments`, file, onProgress),
  save: (applicationId: string, attachmentId: string, name: string) =>
    saveFile(THREADS, `/threads/${id(applicationId)}/attachments/${id(attachmentId)}`, name),
};
