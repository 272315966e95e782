/**
 * A stand-in for the browser's speech synthesis (headless Chromium has no voices): it records
 * every utterance and call, and ends an utterance only when the test says so. Calls are also
 * reported to the test process, so they are seen even when the page is being left.
 */
import type { Page } from '@playwright/test';

export interface SpokenUtterance {
  text: string;
  lang: string;
  rate: number;
}

export interface SpeechLog {
  /** speak / cancel / pause / resume, in order, across page loads. */
  calls: string[];
  utterances: SpokenUtterance[];
}

/** Installs the stub on every page `page` opens; `langs` are the voices the "system" has. */
export async function stubSpeech(page: Page, langs: string[] = ['zh-CN']): Promise<SpeechLog> {
  const log: SpeechLog = { calls: [], utterances: [] };
  await page.exposeFunction('__speechReport', (call: string, utterance?: SpokenUtterance) => {
    log.calls.push(call);
    if (utterance) log.utterances.push(utterance);
  });
  await page.addInitScript((voiceLangs: string[]) => {
    type Report = (call: string, utterance?: { text: string; lang: string; rate: number }) => void;
    const report = (window as unknown as { __speechReport: Report }).__speechReport;
    class Utterance extends EventTarget {
      text: string;
      lang = '';
      rate = 1;
      voice: unknown = null;
      constructor(text = '') {
        super();
        this.text = text;
      }
    }
    let current: Utterance | null = null;
    const synth = Object.assign(new EventTarget(), {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () =>
        voiceLangs.map((lang, i) => ({
          lang,
          name: `stub ${lang}`,
          voiceURI: lang,
          localService: true,
          default: i === 0,
        })),
      speak(utterance: Utterance) {
        current = utterance;
        this.speaking = true;
        void report('speak', { text: utterance.text, lang: utterance.lang, rate: utterance.rate });
      },
      cancel() {
        void report('cancel');
        const was = current;
        current = null;
        this.speaking = false;
        was?.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
      },
      pause() {
        this.paused = true;
        void report('pause');
      },
      resume() {
        this.paused = false;
        void report('resume');
      },
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    // The test ends the utterance being spoken, as the voice would when done.
    Object.defineProperty(window, '__speechFinish', {
      value: () => {
        const was = current;
        current = null;
        was?.dispatchEvent(new Event('end'));
      },
    });
  }, langs);
  return log;
}

/** Ends the utterance being spoken (the reader then speaks the next sentence). */
export async function finishUtterance(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __speechFinish: () => void }).__speechFinish());
}
