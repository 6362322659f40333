import { Logo } from "./Logo";
import { attributeProps, cx, mergeProps, type Attributes } from "./shared";

export interface HeaderProps {
  /** Link of the GOV.UK logo; defaults to "//gov.uk". */
  homepageUrl?: string;
  /** Product name shown beside the logo. */
  productName?: string;
  /** Classes of the container; defaults to "govuk-width-container". */
  containerClasses?: string;
  classes?: string;
  attributes?: Attributes;
}

/**
 * GOV.UK header (govukHeader). In govuk-frontend 6 the service name and
 * navigation live in the service navigation component.
 */
export function Header({ homepageUrl, productName, containerClasses, classes, attributes }: HeaderProps) {
  return (
    <div {...mergeProps({ className: cx("govuk-header", classes) }, attributeProps(attributes))}>
      <div className={cx("govuk-header__container", containerClasses || "govuk-width-container")}>
        <div className="govuk-header__logo">
          <a href={homepageUrl || "//gov.uk"} className="govuk-header__homepage-link">
            <Logo classes="govuk-header__logotype" ariaLabelText="GOV.UK" />
            {productName ? <span className="govuk-header__product-name">{productName}</span> : null}
          </a>
        </div>
      </div>
    </div>
  );
}
