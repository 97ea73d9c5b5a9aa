import { Text, View } from '@tarojs/components';

/** The application's progress: each step numbered, done ones ticked, the current one named for screen readers. */
export function Steps({ steps, current, id }: { steps: string[]; current: number; id: string }) {
  return (
    <View className='steps' id={id} role='list' aria-label={`申请进度：第 ${current + 1} 步，共 ${steps.length} 步`}>
      {steps.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'now' : 'todo';
        return (
          <View key={s} className={`steps__item steps__item--${state}`} id={`${id}-${i}`} role='listitem' {...(state === 'now' ? { 'aria-current': 'step' } : {})}>
            <View className='steps__dot' aria-hidden='true'>
              {state === 'done' ? '✓' : i + 1}
            </View>
            <Text className='steps__label'>{s}</Text>
          </View>
        );
      })}
    </View>
  );
}
