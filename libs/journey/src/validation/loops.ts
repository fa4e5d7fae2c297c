/**
 * Strongly connected components (Tarjan) of the graph with wait nodes removed: any component with a cycle left
 * is a loop a customer could run round without ever pausing.
 */
export const findLoopsWithoutWait = (
  next: ReadonlyMap<string, string[]>,
  isWait: (id: string) => boolean,
): string[][] => {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  let counter = 0;

  const successors = (id: string) => (next.get(id) ?? []).filter((to) => !isWait(to));

  // Iterative, so a 2,000-node journey cannot overflow the call stack.
  const visit = (root: string) => {
    const work: { id: string; children: string[]; position: number }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, children: successors(id), position: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.position < frame.children.length) {
        const child = frame.children[frame.position] as string;
        frame.position += 1;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && successors(frame.id).includes(frame.id);
        if (component.length > 1 || selfLoop) loops.push(component.reverse());
      }
    }
  };

  for (const id of next.keys()) if (!isWait(id) && !index.has(id)) visit(id);
  return loops;
};
