/**
 * GOV.UK Frontend components for React. Each takes the same options as the
 * govuk-frontend Nunjucks macro of the same name (govukButton → Button, …)
 * and renders the same HTML; GOV.UK Frontend's `initAll()` adds behaviour.
 */
export { BackLink, type BackLinkProps } from "./BackLink";
export { Breadcrumbs, type BreadcrumbsItem, type BreadcrumbsProps } from "./Breadcrumbs";
export { Button, type ButtonProps } from "./Button";
export { CharacterCount, type CharacterCountProps, type PluralMessages } from "./CharacterCount";
export { Checkboxes, type CheckboxesItem, type CheckboxesProps } from "./Checkboxes";
export { DateInput, type DateInputItem, type DateInputProps } from "./DateInput";
export { Details, type DetailsProps } from "./Details";
export { ErrorMessage, type ErrorMessageProps } from "./ErrorMessage";
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from "./ErrorSummary";
export { Fieldset, type FieldsetLegend, type FieldsetProps } from "./Fieldset";
export { FileUpload, type FileUploadProps } from "./FileUpload";
export { Footer, type FooterLink, type FooterProps } from "./Footer";
export type { ErrorMessageOption, FormGroupInputsOptions, FormGroupOptions, FormGroupSlot, HintOption } from "./FormGroup";
export { Header, type HeaderProps } from "./Header";
export { Hint, type HintProps } from "./Hint";
export { Input, type InputAffix, type InputProps } from "./Input";
export { InsetText, type InsetTextProps } from "./InsetText";
export { Label, type LabelProps } from "./Label";
export { NotificationBanner, type NotificationBannerProps } from "./NotificationBanner";
export { Pagination, type PaginationItem, type PaginationLink, type PaginationProps } from "./Pagination";
export { Panel, type PanelAction, type PanelProps } from "./Panel";
export { PhaseBanner, type PhaseBannerProps } from "./PhaseBanner";
export { Radios, type RadiosItem, type RadiosProps } from "./Radios";
export { Select, type SelectItem, type SelectProps } from "./Select";
export { ServiceNavigation, type ServiceNavigationItem, type ServiceNavigationProps } from "./ServiceNavigation";
export { SkipLink, type SkipLinkProps } from "./SkipLink";
export { SummaryList, type SummaryCard, type SummaryCardTitle, type SummaryListAction, type SummaryListActions, type SummaryListProps, type SummaryListRow } from "./SummaryList";
export { Table, type TableCell, type TableProps } from "./Table";
export { Tag, type TagProps } from "./Tag";
export { TaskList, type TaskListItem, type TaskListProps } from "./TaskList";
export { Textarea, type TextareaProps } from "./Textarea";
export { WarningText, type WarningTextProps } from "./WarningText";
export type { Attributes, AttributeValue, Html, Text } from "./shared";
