import { WalRestartHandoff } from './wal-restart-handoff';

describe('WalRestartHandoff', () => {
  it('given no request, when the writer looks, then there is nothing to do', () => {
    expect(new WalRestartHandoff().take()).toBe(false);
  });

  it('given a request from the other side of the shared buffer, when the writer looks twice, then it acts once', () => {
    const checkpointerSide = new WalRestartHandoff();
    const writerSide = new WalRestartHandoff(checkpointerSide.buffer);
    checkpointerSide.request();
    checkpointerSide.request();
    expect(writerSide.take()).toBe(true);
    expect(writerSide.take()).toBe(false);
  });
});
