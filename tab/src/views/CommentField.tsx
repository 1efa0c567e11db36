// The comment box the item card sends with every answer button: optional, one per item.
import { Field, Textarea } from '@fluentui/react-components';
import { useSession } from '../ui';

/** The most a comment may hold here; the domain's own limit is checked by the server. */
const COMMENT_MAX = 2_000;

export function CommentField({
  itemNumber,
  value,
  onChange,
}: {
  itemNumber: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useSession();
  return (
    <Field label={t.act.commentOf(itemNumber)}>
      <Textarea
        value={value}
        resize="vertical"
        maxLength={COMMENT_MAX}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}
