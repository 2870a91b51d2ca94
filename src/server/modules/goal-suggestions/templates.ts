// The built-in library of goal templates the offline generator matches a client's words against.
// Each is a specific goal with measurable key results, and the lemmas (base forms, as wink-nlp
// gives them: "managing" → "manage") that make it relevant. Multi-word triggers match in order.
import type { GoalArea } from '../../../contract/goals.ts';

export type GoalTemplate = {
  /** Stable: the suggestion's dedupe key is built from it. */
  key: string;
  area: GoalArea;
  title: string;
  description: string;
  keyResults: { title: string; startValue: number; targetValue: number; unit?: string }[];
  milestones: string[];
  /** Lemma sequences and how much each counts. */
  triggers: Record<string, number>;
};

export const GOAL_TEMPLATES: readonly GoalTemplate[] = [
  {
    key: 'leadership.delegation',
    area: 'leadership',
    title: 'Delegate more so your team grows and you get time back',
    description:
      'Hand over work you hold on to, with clear outcomes and check-ins, instead of doing it yourself.',
    keyResults: [
      { title: 'Tasks delegated each week', startValue: 0, targetValue: 5, unit: 'tasks' },
      { title: 'Evenings worked late each week', startValue: 4, targetValue: 1, unit: 'evenings' },
    ],
    milestones: ['List the work only you can do', 'Agree owners for three recurring tasks'],
    triggers: {
      delegate: 3,
      delegation: 3,
      micromanage: 3,
      'lead a team': 2,
      'team lead': 2,
      'work late': 2,
      overwhelm: 1,
      team: 1,
      manage: 1,
      manager: 1,
    },
  },
  {
    key: 'leadership.first_team',
    area: 'leadership',
    title: 'Step into leading a team',
    description:
      'Build the track record of a team lead: lead a project end to end, mentor someone, and ask for the role.',
    keyResults: [
      { title: 'Projects led end to end', startValue: 0, targetValue: 2, unit: 'projects' },
      { title: 'People mentored', startValue: 0, targetValue: 2, unit: 'people' },
    ],
    milestones: ['Tell my manager I want to lead a team', 'Lead the next project kickoff'],
    triggers: {
      'lead a team': 3,
      'team lead': 3,
      'lead team': 3,
      leader: 2,
      leadership: 2,
      mentor: 1,
      manager: 1,
      promotion: 1,
      lead: 1,
    },
  },
  {
    key: 'leadership.one_to_ones',
    area: 'leadership',
    title: 'Hold regular one-to-ones with each person you manage',
    description: 'A steady rhythm of one-to-ones where feedback goes both ways.',
    keyResults: [
      { title: 'One-to-ones held a month', startValue: 0, targetValue: 8, unit: 'meetings' },
    ],
    milestones: ['Set a recurring slot with each report'],
    triggers: {
      'one-to-one': 3,
      'direct report': 3,
      report: 1,
      feedback: 1,
      team: 1,
      manage: 1,
    },
  },
  {
    key: 'career.promotion',
    area: 'career',
    title: 'Earn the next promotion',
    description:
      'Agree what the next level asks for, close the gaps, and make the case with evidence.',
    keyResults: [
      {
        title: 'Gaps to the next level closed',
        startValue: 0,
        targetValue: 3,
        unit: 'gaps',
      },
    ],
    milestones: ['Agree the criteria with my manager', 'Write the promotion case'],
    triggers: { promotion: 3, promote: 3, senior: 2, raise: 1, level: 1, advance: 1, career: 1 },
  },
  {
    key: 'career.new_role',
    area: 'career',
    title: 'Land a new role that fits what you want next',
    description:
      'A focused search: a clear target role, a sharpened CV, applications and interviews.',
    keyResults: [
      { title: 'Applications sent', startValue: 0, targetValue: 15, unit: 'applications' },
      { title: 'Interviews held', startValue: 0, targetValue: 5, unit: 'interviews' },
    ],
    milestones: ['Write down the target role', 'Update my CV for it'],
    triggers: {
      'new job': 3,
      'new role': 3,
      'change career': 3,
      'career change': 3,
      'job search': 3,
      interview: 2,
      apply: 1,
      switch: 1,
      job: 1,
      cv: 1,
    },
  },
  {
    key: 'career.network',
    area: 'career',
    title: 'Grow a network that opens doors',
    description: 'Meet people in the field you want to grow in, on purpose and regularly.',
    keyResults: [
      {
        title: 'Conversations with new contacts',
        startValue: 0,
        targetValue: 12,
        unit: 'conversations',
      },
    ],
    milestones: ['Pick three events to attend'],
    triggers: { network: 3, networking: 3, connection: 1, conference: 2, mentor: 1, linkedin: 2 },
  },
  {
    key: 'skills.public_speaking',
    area: 'skills',
    title: 'Speak with confidence in front of a group',
    description: 'Practise presenting in safe settings, then in bigger ones.',
    keyResults: [
      { title: 'Talks or presentations given', startValue: 0, targetValue: 4, unit: 'talks' },
      { title: 'Confidence when presenting (1 to 10)', startValue: 3, targetValue: 7 },
    ],
    milestones: ['Volunteer for the next team demo'],
    triggers: {
      'public speaking': 3,
      presentation: 3,
      present: 2,
      speak: 2,
      talk: 1,
      nervous: 1,
      confidence: 1,
    },
  },
  {
    key: 'skills.learning',
    area: 'skills',
    title: 'Learn a skill your next step needs',
    description: 'A course or a project, with time set aside every week.',
    keyResults: [
      { title: 'Hours of deliberate practice', startValue: 0, targetValue: 40, unit: 'hours' },
      { title: 'Course modules completed', startValue: 0, targetValue: 10, unit: 'modules' },
    ],
    milestones: ['Choose the course or project'],
    triggers: { learn: 2, course: 2, certification: 3, skill: 1, study: 2, training: 1 },
  },
  {
    key: 'wellbeing.balance',
    area: 'wellbeing',
    title: 'Protect your evenings and recover from overwork',
    description: 'Firm limits on working hours and time that is truly off.',
    keyResults: [
      { title: 'Evenings fully off each week', startValue: 1, targetValue: 5, unit: 'evenings' },
      { title: 'Hours of sleep a night', startValue: 6, targetValue: 7.5, unit: 'hours' },
    ],
    milestones: ['Set a daily stop time'],
    triggers: {
      burnout: 3,
      'work late': 3,
      overwork: 3,
      balance: 2,
      exhaust: 2,
      tired: 2,
      stress: 1,
      sleep: 1,
      overwhelm: 1,
    },
  },
  {
    key: 'wellbeing.exercise',
    area: 'wellbeing',
    title: 'Move regularly',
    description: 'Exercise that fits the week, so energy lasts.',
    keyResults: [{ title: 'Workouts a week', startValue: 0, targetValue: 3, unit: 'workouts' }],
    milestones: ['Book the first three sessions'],
    triggers: { exercise: 3, fitness: 3, gym: 2, run: 1, health: 1, walk: 1, energy: 1 },
  },
  {
    key: 'relationships.difficult_conversations',
    area: 'relationships',
    title: 'Handle difficult conversations early and calmly',
    description: 'Raise issues while they are small, with a simple structure for hard talks.',
    keyResults: [
      {
        title: 'Difficult conversations held',
        startValue: 0,
        targetValue: 3,
        unit: 'conversations',
      },
    ],
    milestones: ['Name the conversation I have been avoiding'],
    triggers: {
      conflict: 3,
      'difficult conversation': 3,
      avoid: 1,
      colleague: 1,
      feedback: 1,
      communicate: 1,
    },
  },
  {
    key: 'relationships.family_time',
    area: 'relationships',
    title: 'Make more time for the people close to you',
    description: 'Time with family and friends planned like any other commitment.',
    keyResults: [
      {
        title: 'Evenings with family or friends a week',
        startValue: 1,
        targetValue: 4,
        unit: 'evenings',
      },
    ],
    milestones: ['Plan one weekend away'],
    triggers: { family: 3, partner: 2, kid: 2, child: 2, friend: 2, home: 1 },
  },
  {
    key: 'other.focus',
    area: 'other',
    title: 'Take charge of your time and priorities',
    description: 'Plan the week ahead, protect focus time, and stop putting things off.',
    keyResults: [
      {
        title: 'Days planned the evening before, a week',
        startValue: 0,
        targetValue: 5,
        unit: 'days',
      },
      { title: 'Hours of focus time a week', startValue: 2, targetValue: 10, unit: 'hours' },
    ],
    milestones: ['Block focus time in my calendar'],
    triggers: {
      procrastinate: 3,
      'time management': 3,
      priority: 2,
      prioritise: 2,
      prioritize: 2,
      focus: 1,
      distract: 2,
      organise: 1,
      organize: 1,
    },
  },
];
