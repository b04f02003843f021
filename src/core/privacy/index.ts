/** Personal-data protection decisions (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP; TT 46/2022 Art. 8): public API. */
export * from './breach.js';
export * from './report.js';
export * from './requests.js';
export * from './retention.js';
export * from './log-scrub.js';
