import { Tag, type TagProps } from "./Tag";
import { attributeProps, contentProps, cx, mergeProps, type Attributes, type Html, type Text } from "./shared";

export interface TaskListItem {
  title: { text?: Text; html?: Html; classes?: string };
  hint?: { text?: Text; html?: Html };
  status: { tag?: TagProps; text?: Text; html?: Html; classes?: string };
  /** Link to the task; omit when the task cannot be started yet. */
  href?: string;
  classes?: string;
}

export interface TaskListProps {
  items: Array<TaskListItem | null | undefined | false>;
  classes?: string;
  attributes?: Attributes;
  /** Prefix for the hint and status ids; defaults to "task-list". */
  idPrefix?: string;
}

/** GOV.UK task list (govukTaskList). */
export function TaskList({ items, classes, attributes, idPrefix }: TaskListProps) {
  const prefix = idPrefix || "task-list";
  return (
    <ul {...mergeProps({ className: cx("govuk-task-list", classes) }, attributeProps(attributes))}>
      {(items ?? []).map((item, index) => {
        if (!item) return null;
        const hintId = `${prefix}-${index + 1}-hint`;
        const statusId = `${prefix}-${index + 1}-status`;
        return (
          <li key={index} className={cx("govuk-task-list__item", item.href && "govuk-task-list__item--with-link", item.classes)}>
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <a
                  className={cx("govuk-link govuk-task-list__link", item.title?.classes)}
                  href={item.href}
                  aria-describedby={`${item.hint ? `${hintId} ` : ""}${statusId}`}
                  {...contentProps(item.title?.html, item.title?.text)}
                />
              ) : (
                <div className={item.title?.classes || undefined} {...contentProps(item.title?.html, item.title?.text)} />
              )}
              {item.hint ? <div id={hintId} className="govuk-task-list__hint" {...contentProps(item.hint.html, item.hint.text)} /> : null}
            </div>
            <div
              className={cx("govuk-task-list__status", item.status?.classes)}
              id={statusId}
              {...(item.status?.tag ? { children: <Tag {...item.status.tag} /> } : contentProps(item.status?.html, item.status?.text))}
            />
          </li>
        );
      })}
    </ul>
  );
}
