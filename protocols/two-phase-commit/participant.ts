/**
 * A participant: on prepare it records the transaction as working (durably), works on it, then votes. A no vote
 * aborts at once; a yes vote is sent once its prepared record is durable, and from then on the participant may
 * only learn the outcome (it asks the coordinator now and then). Recovery: a transaction still working is aborted
 * unilaterally (no yes vote was sent); a prepared one stays in doubt until the coordinator answers.
 *
 * `participant-forgets-prepared` sends the yes vote as soon as the prepared record's write starts.
 */
import type { Context } from '../../sim/process.js';
import type { Decision, ParticipantState, TpcDurable, TpcMsg, TpcOptions, TxStatus } from './types.js';

type ParticipantCtx = Context<TpcMsg, TpcDurable>;

const COORDINATOR = 0;

function record(s: ParticipantState, tx: number, status: TxStatus, ctx: ParticipantCtx): void {
  s.txs.set(tx, status);
  s.disk.set(tx, status);
  ctx.persist({ kind: 'participant', log: [...s.disk] });
}

function vote(s: ParticipantState, tx: number, yes: boolean, ctx: ParticipantCtx): void {
  s.votedText += `${s.votedText === '' ? '' : ' '}${tx}:${yes ? 'y' : 'n'}`;
  ctx.send(COORDINATOR, { t: 'vote', tx, yes });
}

/** First start (`durable` undefined) or recovery from the log. */
export function initParticipant(durable: TpcDurable | undefined, opts: TpcOptions, ctx: ParticipantCtx): ParticipantState {
  const log = durable?.kind === 'participant' ? durable.log : [];
  const s: ParticipantState = { kind: 'participant', txs: new Map(log), disk: new Map(log), tx: -1, votedText: '' };
  for (const [tx, status] of log) {
    s.tx = Math.max(s.tx, tx);
    if (status !== 'working') continue;
    record(s, tx, 'aborted', ctx); // never voted yes: free to abort
    vote(s, tx, false, ctx);
  }
  if ([...s.txs.values()].includes('prepared')) ctx.setTimer('query', opts.queryTicks);
  return s;
}

function onPrepare(s: ParticipantState, tx: number, opts: TpcOptions, ctx: ParticipantCtx): void {
  const status = s.txs.get(tx);
  if (status === 'prepared' || status === 'committed') vote(s, tx, true, ctx);
  if (status === 'aborted') vote(s, tx, false, ctx);
  if (status !== undefined) return; // working or preparing: the vote will come
  s.tx = Math.max(s.tx, tx);
  record(s, tx, 'working', ctx);
  ctx.setTimer(`work:${tx}`, ctx.chooseInt('work', 1, opts.workTicksMax));
}

function onWorked(s: ParticipantState, tx: number, opts: TpcOptions, ctx: ParticipantCtx): void {
  if (s.txs.get(tx) !== 'working') return;
  if (ctx.choose('vote', opts.noVoteOneIn) === 0) {
    record(s, tx, 'aborted', ctx);
    vote(s, tx, false, ctx);
    return;
  }
  s.txs.set(tx, 'preparing');
  if (opts.bug === 'participant-forgets-prepared') vote(s, tx, true, ctx); // bug: the record is not durable yet
  ctx.setTimer(`log:${tx}`, ctx.chooseInt('log-write', 1, opts.participantLogTicksMax));
}

function onLogged(s: ParticipantState, tx: number, opts: TpcOptions, ctx: ParticipantCtx): void {
  if (s.txs.get(tx) !== 'preparing') return;
  record(s, tx, 'prepared', ctx);
  if (opts.bug !== 'participant-forgets-prepared') vote(s, tx, true, ctx);
  ctx.setTimer('query', opts.queryTicks);
}

function onDecision(s: ParticipantState, tx: number, decision: Decision, ctx: ParticipantCtx): void {
  const status = s.txs.get(tx);
  if (status !== 'committed' && status !== 'aborted') record(s, tx, decision === 'commit' ? 'committed' : 'aborted', ctx);
  s.tx = Math.max(s.tx, tx);
  ctx.send(COORDINATOR, { t: 'ack', tx });
}

export function participantTimer(s: ParticipantState, timer: string, opts: TpcOptions, ctx: ParticipantCtx): ParticipantState {
  if (timer.startsWith('work:')) onWorked(s, Number(timer.slice(5)), opts, ctx);
  if (timer.startsWith('log:')) onLogged(s, Number(timer.slice(4)), opts, ctx);
  if (timer === 'query') {
    const inDoubt = [...s.txs].filter(([, st]) => st === 'prepared').map(([tx]) => tx);
    for (const tx of inDoubt) ctx.send(COORDINATOR, { t: 'query', tx });
    if (inDoubt.length > 0) ctx.setTimer('query', opts.queryTicks);
  }
  return s;
}

export function participantMessage(s: ParticipantState, msg: TpcMsg, opts: TpcOptions, ctx: ParticipantCtx): ParticipantState {
  if (msg.t === 'prepare') onPrepare(s, msg.tx, opts, ctx);
  if (msg.t === 'decision') onDecision(s, msg.tx, msg.decision, ctx);
  return s;
}
