/** The "Event write-up" choice of dialog "New post": its fields, the site's suggestions, and creating the post. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecapBridge } from '../../shared/bridge';
import type { EventPostDefaults } from '../../shared/collect/types';

/** Typing pauses this long before the site is asked for a title. */
const SUGGEST_DELAY_MS = 150;

export interface EventWriteUp {
  on: boolean;
  setOn: (on: boolean) => void;
  eventName: string;
  setEventName: (value: string) => void;
  city: string;
  setCity: (value: string) => void;
  startDate: string;
  setStartDate: (value: string) => void;
  endDate: string;
  setEndDate: (value: string) => void;
  /** What the site suggests for the names typed so far (title, categories). */
  defaults: EventPostDefaults | null;
  /** Which required field the last Create found empty. */
  missing: 'eventName' | 'startDate' | null;
  /** False (and says which field) when something required is missing. */
  validate: () => boolean;
  /** Creates the post and resolves with its path. */
  create: (post: { title: string; draft: boolean; date?: string }) => Promise<string>;
}

/** `onSuggestTitle` receives each new suggestion; the dialog decides whether the author's own title stands. */
export function useEventWriteUp(api: RecapBridge, onSuggestTitle: (title: string) => void): EventWriteUp {
  const [on, setOn] = useState(false);
  const [eventName, setEventNameState] = useState('');
  const [city, setCity] = useState('');
  const [startDate, setStartDateState] = useState('');
  const [endDate, setEndDate] = useState('');
  const [defaults, setDefaults] = useState<EventPostDefaults | null>(null);
  const [missing, setMissing] = useState<EventWriteUp['missing']>(null);
  const suggest = useRef(onSuggestTitle);
  useEffect(() => {
    suggest.current = onSuggestTitle;
  });

  useEffect(() => {
    if (!on) return;
    let live = true;
    const timer = setTimeout(() => {
      api.eventPostDefaults({ eventName, city }).then(
        (answer) => {
          if (!live) return;
          setDefaults(answer);
          if (answer.title) suggest.current(answer.title);
        },
        () => {
          /* no suggestion: the author types a title */
        },
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, on, eventName, city]);

  const setEventName = useCallback((value: string) => {
    setEventNameState(value);
    if (value.trim() !== '') setMissing((m) => (m === 'eventName' ? null : m));
  }, []);
  const setStartDate = useCallback((value: string) => {
    setStartDateState(value);
    if (value !== '') setMissing((m) => (m === 'startDate' ? null : m));
  }, []);

  const validate = useCallback(() => {
    const gap = eventName.trim() === '' ? 'eventName' : startDate === '' ? 'startDate' : null;
    setMissing(gap);
    return gap === null;
  }, [eventName, startDate]);

  const create = useCallback(
    async ({ title, draft, date }: { title: string; draft: boolean; date?: string }) => {
      const { path } = await api.createEventPost({
        eventName: eventName.trim(),
        city: city.trim(),
        startDate,
        ...(endDate !== '' && endDate !== startDate ? { endDate } : {}),
        draft,
        ...(date ? { date } : {}),
        ...(title ? { title } : {}),
      });
      return path;
    },
    [api, eventName, city, startDate, endDate],
  );

  return { on, setOn, eventName, setEventName, city, setCity, startDate, setStartDate, endDate, setEndDate, defaults, missing, validate, create };
}
