/**
 * What our GOV.UK components do beyond the official fixtures: React nodes in
 * HTML slots, `children` in place of the macros' `caller` blocks, and the
 * helpers that turn macro options into React props.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Details, ErrorMessage, ErrorSummary, Fieldset, Hint, Input, InsetText, NotificationBanner, Panel, Radios, Select, SummaryList, Tag, Textarea } from "~/components/govuk";
import { attributeProps, rawHtml } from "~/components/govuk/shared";

const html = (node: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(node);

describe("HTML slots take React nodes", () => {
  it("renders a React node given as html, escaped text as text", () => {
    expect(html(<Hint html={<strong>{"<b>"}</strong>} />)).toBe('<div class="govuk-hint"><strong>&lt;b&gt;</strong></div>');
    expect(html(<Hint text="<b>" />)).toBe('<div class="govuk-hint">&lt;b&gt;</div>');
  });

  it("renders a string given as html as trusted markup", () => {
    expect(html(<Tag html=" <em>New</em> " />)).toBe('<strong class="govuk-tag"><em>New</em></strong>');
  });

  it("places html strings beside React elements without a wrapper", () => {
    expect(html(<ErrorMessage html='Enter <a href="#x">a date</a> &amp; time' />)).toBe(
      '<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter <a href="#x">a date</a> &amp; time</p>',
    );
    expect(html(<Fieldset legend={{ text: "Address" }} html='<p class="govuk-body">One</p><p>Two</p>' />)).toBe(
      '<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend">Address</legend><p class="govuk-body">One</p><p>Two</p></fieldset>',
    );
  });

  it("takes children in place of the macro's caller block", () => {
    expect(html(<InsetText text="ignored">Kept</InsetText>)).toBe('<div class="govuk-inset-text">Kept</div>');
    expect(html(<Details summaryText="Help">Body</Details>)).toContain('<div class="govuk-details__text">Body</div>');
    expect(html(<Panel titleText="Done">Reference <strong>HDJ2123F</strong></Panel>)).toContain('<div class="govuk-panel__body">Reference <strong>HDJ2123F</strong></div>');
    expect(html(<ErrorSummary titleText="There is a problem">Check the form</ErrorSummary>)).toContain("<p>Check the form</p>");
    expect(html(<NotificationBanner type="success">Saved</NotificationBanner>)).toContain('<div class="govuk-notification-banner__content">Saved</div>');
    expect(html(<Fieldset legend={{ text: "Name" }}>Fields</Fieldset>)).toContain("</legend>Fields</fieldset>");
  });

  it("renders a summary card title given as a React node in action links", () => {
    const markup = html(
      <SummaryList
        card={{ title: { html: <em>Lead</em> }, actions: { items: [{ href: "#d", text: "Delete" }] } }}
        rows={[{ key: { text: "Name" }, value: { text: "Sam" }, actions: { items: [{ href: "#c", text: "Change", visuallyHiddenText: "name" }] } }]}
      />,
    );
    expect(markup).toContain('Change<span class="govuk-visually-hidden"> name (<em>Lead</em>)</span>');
  });
});

describe("form fields stay uncontrolled", () => {
  it("renders values and checked states without React warnings", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const markup = html(
        <>
          <Input name="email" label={{ text: "Email" }} value="a@example.com" />
          <Textarea name="more" label={{ text: "More" }} value="Some <text>" />
          <Radios name="role" value="b" items={[{ value: "a", text: "A" }, { value: "b", text: "B" }]} />
          <Select name="colour" label={{ text: "Colour" }} value="red" items={[{ value: "blue", text: "Blue" }, { value: "red", text: "Red" }]} />
        </>,
      );
      expect(markup).toContain('value="a@example.com"');
      expect(markup).toContain(">Some &lt;text&gt;</textarea>");
      expect(markup).toContain('id="role-2" name="role" type="radio" checked="" value="b"');
      expect(markup).toContain('<option value="red" selected="">Red</option>');
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });
});

describe("attributeProps follows govukAttributes", () => {
  it("renders plain values as strings and optional ones as the macro does", () => {
    expect(
      attributeProps({
        "data-count": 3,
        "aria-hidden": true,
        "data-empty": undefined,
        hidden: { value: true, optional: true },
        inert: { value: true, optional: true },
        "data-off": { value: false, optional: true },
        "data-false": false,
        class: "x",
        for: "y",
        tabindex: -1,
      }),
    ).toEqual({
      "data-count": "3",
      "aria-hidden": "true",
      "data-empty": "",
      hidden: true,
      inert: "",
      "data-false": "false",
      className: "x",
      htmlFor: "y",
      tabIndex: "-1",
    });
  });
});

describe("rawHtml keeps trusted markup as it is", () => {
  it("keeps nested markup, void elements, styles and entities", () => {
    const markup = html(<div>{rawHtml('a &amp; b<!-- note --><div class="x"><div>in</div></div><br/><input value="v" disabled><span style="color: red; font-size: 2em">s</span>')}</div>);
    expect(markup).toBe('<div>a &amp; b<div class="x"><div>in</div></div><br/><input disabled="" value="v"/><span style="color:red;font-size:2em">s</span></div>');
  });

  it("returns null for an empty string", () => {
    expect(rawHtml("")).toBeNull();
  });
});
