import { actionForKey, yesNoForKey } from './shortcuts';

const key = (key: string, code = key, mods: Partial<{ ctrlKey: boolean }> = {}) => ({ key, code, ...mods });

describe('counter shortcuts', () => {
  it('maps the function keys', () => {
    expect(actionForKey(key('F1'))).toBe('call-next');
    expect(actionForKey(key('F2'))).toBe('recall');
    expect(actionForKey(key('F3'))).toBe('start');
    expect(actionForKey(key('F4'))).toBe('complete');
    expect(actionForKey(key('F6'))).toBe('no-show');
    expect(actionForKey(key('F7'))).toBe('transfer');
    expect(actionForKey(key('F8'))).toBe('pause-resume');
  });
  it('maps a USB keypad by event.code whatever the key value', () => {
    expect(actionForKey(key('+', 'NumpadAdd'))).toBe('call-next');
    expect(actionForKey(key('*', 'NumpadMultiply'))).toBe('recall');
    expect(actionForKey(key('Enter', 'NumpadEnter'))).toBe('start');
  });
  it('leaves the main Enter, letters and modified keys alone', () => {
    expect(actionForKey(key('Enter', 'Enter'))).toBeNull();
    expect(actionForKey(key('a', 'KeyA'))).toBeNull();
    expect(actionForKey(key('F4', 'F4', { ctrlKey: true }))).toBeNull();
  });
  it('answers the first-time question with Y/N or keypad 1/0', () => {
    expect(yesNoForKey(key('y', 'KeyY'))).toBe(true);
    expect(yesNoForKey(key('N', 'KeyN'))).toBe(false);
    expect(yesNoForKey(key('1', 'Numpad1'))).toBe(true);
    expect(yesNoForKey(key('0', 'Numpad0'))).toBe(false);
    expect(yesNoForKey(key('x', 'KeyX'))).toBeNull();
  });
});
