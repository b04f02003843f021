/**
 * The portal's language: Vietnamese by default, English on a switch. The choice lives in memory
 * (and the URL's ?lang= when given), never in browser storage; the API is asked in the same language.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ERROR_CATALOGUE, isErrorCode } from '../../../src/core/errors.js';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type { MessageKey };

const DICTS: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTS[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The public message of an error or refusal code (ledger outcomes, refusal statistics). */
export function outcomeLabel(code: string, lang: Lang): string {
  if (code === 'OK') return lang === 'vi' ? 'Thành công' : 'Success';
  if (code === 'RESERVED') return lang === 'vi' ? 'Đã giữ hạn mức' : 'Quota reserved';
  if (code === 'PENDING') return lang === 'vi' ? 'Đang xử lý' : 'Pending';
  return isErrorCode(code) ? ERROR_CATALOGUE[code][lang] : code;
}

interface LangState {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: Translate;
}

const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  const q = new URLSearchParams(window.location.search).get('lang');
  return q === 'en' ? 'en' : 'vi';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    setApiLanguage(l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<LangState>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const v = useContext(LangContext);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}
