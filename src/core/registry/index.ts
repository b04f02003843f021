/** The connection registry and its approval workflow (R2, R3): public API of the pure decisions. */
export * from './types.js';
export { checkWorkflow, decideStep, DEFAULT_WORKFLOW, MAX_WORKFLOW_STEPS, securityLevelTooLow, type StepAction, type StepDecision, type StepState, type WorkflowStep } from './workflow.js';
export { decideSubmission, MAX_PLAN_AHEAD_DAYS, type CatalogueEntry, type SubmissionDecision, type SubmissionInput } from './submission.js';
export { approvalDocText, effectsOf, type Effects } from './effects.js';
export { workingDaysLeft } from './countdown.js';
export { decideAppStatus, type AppAction } from './app-status.js';
export {
  ATTACHMENT_KINDS, checkAttachmentBytes, decodeBase64, decodeText, DOCX_SIDE_PARTS, formatOf, MAX_ATTACHMENT_BYTES, MAX_BASE64_CHARS, MAX_UNZIPPED_BYTES, MEDIA_TYPES,
  scanDocumentText, wordXmlText, zipUncompressedTotal, type AttachmentKind, type BytesCheck, type DocumentFormat, type ScanVerdict,
} from './attachment.js';
