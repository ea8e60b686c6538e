/*
 * Stand-in for @microsoft/sp-property-pane (same component id and version). The published module needs about 15
 * SharePoint-internal bundles that npm does not ship, so it cannot load outside SharePoint.
 *
 * - The field factories return the descriptors SharePoint's return ({type, targetProperty, properties}), with its
 *   numeric PropertyPaneFieldType.
 * - `_ConfigurableOptionsController` is what SharePoint's web part manager loads from this module when a page is in
 *   edit mode (sp-webpart-base's _PropertyPaneLoader: `new module._ConfigurableOptionsController()`). The manager
 *   registers every web part with it (`registerConsumer`) and routes the web part's `context.propertyPane.open()`,
 *   `refresh()`, `close()` to `requestAction(instanceId, action)`. This one renders the pane as a plain-DOM side panel
 *   from what the web part's own `_getPropertyPaneData()` returns (its `getPropertyPaneConfiguration()` and
 *   properties), raises the web part's own life-cycle events (`_onPropertyPaneLifeCycleEvent('ConfigurationStart' |
 *   'ConfigurationComplete' | 'ApplyClicked')`) and applies a changed field through the web part's own
 *   `_onPropertyPaneFieldChanged(path, value, fieldType)`: BaseClientSideWebPart sets the property, calls
 *   `onPropertyPaneFieldChanged(path, old, new)` and, for a reactive pane, renders the web part again.
 *
 * Fields rendered: Label, Button (onClick, disabled, buttonType), TextField (single line and multiline, label,
 * description, placeholder, disabled, errorMessage, onGetErrorMessage), Toggle, ChoiceGroup, Dropdown, CheckBox,
 * Slider, Link, HorizontalRule, Heading and Custom (onRender). A text field applies its value when it loses focus or on
 * Enter (single line), as a form does; SharePoint applies while typing after a delay.
 */
define([], function () {
  'use strict';
  var FieldType = {
    Custom: 1, CheckBox: 2, TextField: 3, Toggle: 5, Dropdown: 6, Label: 7, Slider: 8, Heading: 9, ChoiceGroup: 10,
    Button: 11, HorizontalRule: 12, Link: 13, DynamicField: 14, DynamicFieldSet: 16
  };
  var ButtonType = { Normal: 0, Primary: 1, Hero: 2, Compound: 3, Command: 4, Icon: 5 };
  function field(type) {
    return function (targetProperty, properties) {
      return { type: type, targetProperty: targetProperty, properties: properties || {} };
    };
  }

  var PANE_ID = 'lt-property-pane';
  var STYLE = [
    '#' + PANE_ID + '{position:fixed;top:48px;right:0;bottom:0;width:340px;max-width:100vw;overflow:auto;background:#fff;',
    'box-shadow:-4px 0 16px rgba(0,0,0,.18);z-index:1000;font:14px "Segoe UI",system-ui,sans-serif;color:#323130;box-sizing:border-box;padding:0 20px 24px}',
    '#' + PANE_ID + ' *{box-sizing:border-box}',
    '#' + PANE_ID + ' .pp-head{position:sticky;top:0;background:#fff;display:flex;align-items:flex-start;justify-content:space-between;padding:18px 0 8px;gap:8px}',
    '#' + PANE_ID + ' h2{font-size:20px;font-weight:600;margin:0}',
    '#' + PANE_ID + ' h3{font-size:15px;font-weight:600;margin:20px 0 8px}',
    '#' + PANE_ID + ' .pp-desc{color:#605e5c;margin:4px 0 8px}',
    '#' + PANE_ID + ' .pp-field{margin:10px 0}',
    '#' + PANE_ID + ' label,#' + PANE_ID + ' legend{display:block;font-weight:600;margin:0 0 4px}',
    '#' + PANE_ID + ' fieldset{border:0;margin:0;padding:0}',
    '#' + PANE_ID + ' fieldset label{font-weight:400;display:flex;align-items:center;gap:6px;margin:4px 0}',
    '#' + PANE_ID + ' input[type=text],#' + PANE_ID + ' textarea,#' + PANE_ID + ' select{width:100%;font:inherit;padding:5px 8px;border:1px solid #8a8886;border-radius:2px}',
    '#' + PANE_ID + ' textarea{min-height:96px;resize:vertical}',
    '#' + PANE_ID + ' button{font:inherit;padding:5px 16px;border-radius:2px;border:1px solid #8a8886;background:#fff;color:#323130;cursor:pointer;min-height:32px}',
    '#' + PANE_ID + ' button.pp-primary{background:#0078d4;border-color:#0078d4;color:#fff}',
    '#' + PANE_ID + ' button:disabled{background:#f3f2f1;border-color:#f3f2f1;color:#a19f9d;cursor:default}',
    '#' + PANE_ID + ' button.pp-close{border:0;padding:4px 8px;font-size:18px;line-height:1}',
    '#' + PANE_ID + ' .pp-help{color:#605e5c;font-size:12px;margin-top:4px}',
    '#' + PANE_ID + ' .pp-error{color:#a4262c;font-size:12px;margin-top:4px}',
    '#' + PANE_ID + ' .pp-label{margin:10px 0;white-space:pre-wrap}',
    '#' + PANE_ID + ' .pp-switch{display:flex;align-items:center;gap:8px;font-weight:400}',
    'body.lt-pane-open main.wb-canvas,body.lt-pane-open .wb-commandbar{margin-right:340px}'
  ].join('');

  var uid = 0;
  function nextId(prefix) { uid += 1; return 'pp-' + prefix + '-' + uid; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'className') node.className = v;
      else if (k.indexOf('on') === 0 && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, String(v));
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  /** `a.b.c` of the properties, as lodash's get does for SharePoint. */
  function getPath(obj, path) {
    if (!path) return undefined;
    var parts = String(path).split('.');
    var v = obj;
    for (var i = 0; i < parts.length; i++) {
      if (v === undefined || v === null) return undefined;
      v = v[parts[i]];
    }
    return v;
  }

  function message(e) {
    return e && (e.message || (e.error && e.error.message)) || String(e);
  }

  function ConfigurableOptionsController() {
    this._consumers = new Map();
    this._openId = undefined;
    this._generation = 0;
    this._errors = {};
    this._panel = undefined;
  }

  ConfigurableOptionsController.prototype.registerConsumer = function (id, consumer) {
    this._consumers.set(id, consumer);
  };

  ConfigurableOptionsController.prototype.onConsumerDelete = function (id) {
    if (this._openId === id) this._close();
    this._consumers.delete(id);
  };

  ConfigurableOptionsController.prototype.isOpen = function (id) {
    return id ? this._openId === id : this._openId !== undefined;
  };
  ConfigurableOptionsController.prototype.isRenderedByConsumer = function () { return false; };
  ConfigurableOptionsController.prototype.isContentPanelOpen = function () { return false; };

  /** The web part manager's `requestPropertyPaneAction(instanceId, action)`: Open, Close, Refresh, Default (toggle). */
  ConfigurableOptionsController.prototype.requestAction = function (id, action) {
    switch (action) {
      case 'Open':
      case 'OpenDetails':
        this._open(id);
        break;
      case 'Close':
        if (!id || this._openId === id) this._close();
        break;
      case 'Refresh':
        if (this._openId === id) this._render();
        break;
      default:
        if (this._openId === id) this._close();
        else this._open(id);
    }
  };

  ConfigurableOptionsController.prototype._open = function (id) {
    var consumer = this._consumers.get(id);
    if (!consumer) return;
    if (this._openId === id) { this._render(); return; }
    if (this._openId !== undefined) this._close();
    this._openId = id;
    this._errors = {};
    document.body.classList.add('lt-pane-open');
    consumer._onPropertyPaneLifeCycleEvent('ConfigurationStart');
    this._render();
  };

  ConfigurableOptionsController.prototype._close = function () {
    var id = this._openId;
    this._openId = undefined;
    this._generation += 1;
    document.body.classList.remove('lt-pane-open');
    if (this._panel && this._panel.parentNode) this._panel.parentNode.removeChild(this._panel);
    this._panel = undefined;
    var consumer = id && this._consumers.get(id);
    if (consumer) consumer._onPropertyPaneLifeCycleEvent('ConfigurationComplete');
    var opener = id && document.querySelector('[data-edit-webpart="' + id + '"]');
    if (opener) opener.focus();
  };

  ConfigurableOptionsController.prototype._ensurePanel = function () {
    if (!document.getElementById(PANE_ID + '-style')) {
      document.head.appendChild(el('style', { id: PANE_ID + '-style', text: STYLE }));
    }
    if (!this._panel) {
      this._panel = el('aside', { id: PANE_ID, role: 'complementary', 'aria-label': 'Web part settings', 'data-instance-id': this._openId });
      document.body.appendChild(this._panel);
    }
    return this._panel;
  };

  /** Asks the web part for its configuration and properties now, as SharePoint's pane does on every refresh. */
  ConfigurableOptionsController.prototype._render = function () {
    var self = this;
    var id = this._openId;
    var consumer = id && this._consumers.get(id);
    if (!consumer) return;
    var generation = ++this._generation;
    var data;
    try {
      data = Promise.resolve(consumer._getPropertyPaneData());
    } catch (e) {
      data = Promise.reject(e);
    }
    data.then(function (d) {
      if (generation !== self._generation || self._openId !== id) return;
      self._paint(id, consumer, d);
    }, function (e) {
      if (generation !== self._generation || self._openId !== id) return;
      self._paint(id, consumer, undefined, message(e));
    });
  };

  ConfigurableOptionsController.prototype._paint = function (id, consumer, data, failure) {
    var self = this;
    var panel = this._ensurePanel();
    var focusedKey = document.activeElement && panel.contains(document.activeElement) ? document.activeElement.getAttribute('data-pp-key') : null;
    var keep = focusedKey && /^(INPUT|TEXTAREA)$/.test(document.activeElement.tagName) && document.activeElement.type !== 'checkbox' && document.activeElement.type !== 'radio'
      ? document.activeElement : null;
    var title = (data && data.title) || 'Web part';
    var headingId = nextId('title');
    var content = el('div', { className: 'pp-content' });
    content.appendChild(el('div', { className: 'pp-head' }, [
      el('h2', { id: headingId, text: title + ' settings' }),
      el('button', { type: 'button', className: 'pp-close', 'aria-label': 'Close the settings', title: 'Close', text: '\u00d7', onclick: function () { self._close(); } })
    ]));
    panel.setAttribute('aria-labelledby', headingId);
    panel.setAttribute('data-instance-id', id);
    if (failure) {
      content.appendChild(el('p', { className: 'pp-error', role: 'alert', text: 'The settings could not be shown: ' + failure }));
    } else {
      var properties = data.properties || {};
      var pages = (data.configuration && data.configuration.pages) || [];
      pages.forEach(function (page) {
        var header = page.header && page.header.description;
        if (header) content.appendChild(el('p', { className: 'pp-desc', text: header }));
        (page.groups || []).forEach(function (group) {
          if ('primaryGroup' in group) group = group.showSecondaryGroup ? group.secondaryGroup : group.primaryGroup;
          var groupHeading = group.groupName ? nextId('group') : undefined;
          var box = el('div', { role: 'group', 'aria-labelledby': groupHeading, className: 'pp-group' });
          if (group.groupName) box.appendChild(el('h3', { id: groupHeading, text: group.groupName }));
          (group.groupFields || []).forEach(function (f) {
            var node = self._field(consumer, f, properties, data.isReactive !== false);
            if (node) box.appendChild(node);
          });
          content.appendChild(box);
        });
      });
      if (data.isReactive === false) {
        content.appendChild(el('div', { className: 'pp-field' }, [el('button', {
          type: 'button', className: 'pp-primary', text: 'Apply',
          onclick: function () { consumer._onPropertyPaneLifeCycleEvent('ApplyClicked'); self._render(); }
        })]));
      }
    }
    // What the person is typing stays as it is: the focused text field is carried over into the new pane.
    if (keep) {
      var fresh = content.querySelector('[data-pp-key="' + focusedKey + '"]');
      if (fresh && fresh.tagName === keep.tagName) {
        keep.disabled = fresh.disabled;
        fresh.parentNode.replaceChild(keep, fresh);
      }
    }
    var scroll = panel.scrollTop;
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.appendChild(content);
    panel.scrollTop = scroll;
    if (focusedKey && !keep) {
      var again = panel.querySelector('[data-pp-key="' + focusedKey + '"]');
      if (again && !again.disabled) again.focus();
    } else if (keep && document.activeElement !== keep) {
      keep.focus();
    }
    if (!focusedKey && !panel.getAttribute('data-shown')) {
      panel.setAttribute('data-shown', '1');
      var first = panel.querySelector('h2');
      if (first) { first.setAttribute('tabindex', '-1'); first.focus(); }
    }
  };

  /** Applies a field's new value through the web part (BaseClientSideWebPart._onPropertyPaneFieldChanged). */
  ConfigurableOptionsController.prototype._change = function (consumer, f, value) {
    try {
      consumer._onPropertyPaneFieldChanged(f.targetProperty, value, f.type);
    } catch (e) {
      this._errors[f.targetProperty] = message(e);
    }
    this._render();
  };

  /** A text field's value passes its onGetErrorMessage first (a string or a promise of one; empty means valid). */
  ConfigurableOptionsController.prototype._changeText = function (consumer, f, value) {
    var self = this;
    var check = f.properties.onGetErrorMessage;
    var result;
    try {
      result = check ? check(value) : '';
    } catch (e) {
      result = message(e);
    }
    Promise.resolve(result).then(function (error) {
      if (error) {
        self._errors[f.targetProperty] = String(error);
        self._render();
        return;
      }
      delete self._errors[f.targetProperty];
      self._change(consumer, f, value);
    });
  };

  ConfigurableOptionsController.prototype._field = function (consumer, f, properties) {
    var self = this;
    var p = f.properties || {};
    var key = f.targetProperty || nextId('field');
    var value = getPath(properties, f.targetProperty);
    var wrap = el('div', { className: 'pp-field', 'data-pp-field': key });
    var error = this._errors[f.targetProperty] || p.errorMessage;
    var describedBy = [];
    var help;
    if (p.description) {
      help = el('div', { className: 'pp-help', id: nextId('help'), text: p.description });
      describedBy.push(help.id);
    }
    var errorNode;
    if (error) {
      errorNode = el('div', { className: 'pp-error', id: nextId('error'), role: 'alert', text: error });
      describedBy.push(errorNode.id);
    }
    var inputId = nextId('input');
    switch (f.type) {
      case FieldType.Label:
        return el('p', { className: 'pp-label', 'data-pp-field': key, text: (p.text || '') + (p.required ? ' *' : '') });
      case FieldType.Heading:
        return el('h3', { 'data-pp-field': key, text: p.text || '' });
      case FieldType.HorizontalRule:
        return el('hr', {});
      case FieldType.Link:
        wrap.appendChild(el('a', { href: p.href, target: p.target, text: p.text || p.href }));
        break;
      case FieldType.Button: {
        var buttonClass = p.buttonType === ButtonType.Primary || p.buttonType === ButtonType.Hero ? 'pp-primary' : '';
        wrap.appendChild(el('button', {
          type: 'button', className: buttonClass, 'data-pp-key': key, disabled: !!p.disabled, 'aria-label': p.ariaLabel,
          'aria-describedby': describedBy.join(' ') || undefined, text: p.text || '',
          onclick: function () {
            var returned = p.onClick ? p.onClick(value) : value;
            self._change(consumer, f, returned);
          }
        }));
        break;
      }
      case FieldType.TextField: {
        if (p.label) wrap.appendChild(el('label', { for: inputId, text: p.label + (p.required ? ' *' : '') }));
        var input = el(p.multiline ? 'textarea' : 'input', {
          id: inputId, type: p.multiline ? undefined : 'text', 'data-pp-key': key, disabled: !!p.disabled, readonly: !!p.readOnly,
          placeholder: p.placeholder, rows: p.multiline ? p.rows || 5 : undefined, maxlength: p.maxLength, 'aria-label': p.label ? undefined : p.ariaLabel,
          'aria-describedby': describedBy.join(' ') || undefined, 'aria-invalid': error ? 'true' : undefined
        });
        input.value = value === undefined || value === null ? '' : String(value);
        input.addEventListener('change', function () { self._changeText(consumer, f, input.value); });
        if (!p.multiline) input.addEventListener('keydown', function (e) { if (e.key === 'Enter') self._changeText(consumer, f, input.value); });
        wrap.appendChild(input);
        break;
      }
      case FieldType.CheckBox: {
        var box = el('input', { type: 'checkbox', id: inputId, 'data-pp-key': key, disabled: !!p.disabled, 'aria-describedby': describedBy.join(' ') || undefined });
        box.checked = value === undefined ? !!p.checked : !!value;
        box.addEventListener('change', function () { self._change(consumer, f, box.checked); });
        wrap.appendChild(el('label', { className: 'pp-switch' }, [box, document.createTextNode(p.text || '')]));
        break;
      }
      case FieldType.Toggle: {
        var on = value === undefined ? !!p.checked : !!value;
        var toggle = el('input', {
          type: 'checkbox', role: 'switch', id: inputId, 'data-pp-key': key, disabled: !!p.disabled,
          'aria-describedby': describedBy.join(' ') || undefined
        });
        toggle.checked = on;
        toggle.addEventListener('change', function () { self._change(consumer, f, toggle.checked); });
        if (p.label) wrap.appendChild(el('label', { for: inputId, text: p.label }));
        wrap.appendChild(el('div', { className: 'pp-switch' }, [toggle, el('span', { 'aria-hidden': 'true', text: on ? (p.onText || 'On') : (p.offText || 'Off') })]));
        break;
      }
      case FieldType.ChoiceGroup: {
        var name = nextId('choice');
        var legendId = nextId('legend');
        var set = el('fieldset', { 'data-pp-key': key, role: 'radiogroup', 'aria-labelledby': p.label ? legendId : undefined, 'aria-describedby': describedBy.join(' ') || undefined });
        if (p.label) set.appendChild(el('legend', { id: legendId, text: p.label }));
        (p.options || []).forEach(function (o) {
          var radio = el('input', { type: 'radio', name: name, value: String(o.key), disabled: !!(o.disabled || p.disabled) });
          radio.checked = value === undefined ? !!o.checked : value === o.key;
          radio.addEventListener('change', function () { if (radio.checked) self._change(consumer, f, o.key); });
          set.appendChild(el('label', {}, [radio, document.createTextNode(o.text || String(o.key))]));
        });
        wrap.appendChild(set);
        break;
      }
      case FieldType.Dropdown: {
        if (p.label) wrap.appendChild(el('label', { for: inputId, text: p.label }));
        var select = el('select', { id: inputId, 'data-pp-key': key, disabled: !!p.disabled, 'aria-describedby': describedBy.join(' ') || undefined });
        var selected = value !== undefined && value !== '' ? value : p.selectedKey;
        var options = p.options || [];
        if (!options.some(function (o) { return o.key === selected; })) select.appendChild(el('option', { value: '', text: '' }));
        options.forEach(function (o, i) {
          // SharePoint's PropertyPaneDropdownOptionType: 0 normal, 1 divider, 2 header.
          if (o.type === 1) return;
          var option = el('option', { value: String(i), text: o.text || String(o.key), disabled: o.type === 2 });
          option.selected = o.key === selected;
          select.appendChild(option);
        });
        select.addEventListener('change', function () {
          var chosen = options[Number(select.value)];
          if (chosen) self._change(consumer, f, chosen.key);
        });
        wrap.appendChild(select);
        break;
      }
      case FieldType.Slider: {
        if (p.label) wrap.appendChild(el('label', { for: inputId, text: p.label }));
        var slider = el('input', { type: 'range', id: inputId, 'data-pp-key': key, min: p.min, max: p.max, step: p.step || 1, disabled: !!p.disabled });
        slider.value = value === undefined ? String(p.value || p.min || 0) : String(value);
        slider.addEventListener('change', function () { self._change(consumer, f, Number(slider.value)); });
        wrap.appendChild(slider);
        break;
      }
      case FieldType.Custom: {
        var host = el('div', { 'data-pp-key': key });
        if (typeof p.onRender === 'function') {
          try {
            p.onRender(host, p.context, function (path, newValue) { self._change(consumer, { targetProperty: path || f.targetProperty, type: FieldType.Custom }, newValue); });
          } catch (e) {
            host.appendChild(el('div', { className: 'pp-error', role: 'alert', text: message(e) }));
          }
        }
        wrap.appendChild(host);
        break;
      }
      default:
        wrap.appendChild(el('div', { className: 'pp-help', text: 'This field (type ' + f.type + ') is not shown in the local workbench.' }));
    }
    if (help) wrap.appendChild(help);
    if (errorNode) wrap.appendChild(errorNode);
    return wrap;
  };

  return {
    PropertyPaneFieldType: FieldType,
    PropertyPaneButtonType: ButtonType,
    PropertyPaneCustomField: function (properties) { return { type: FieldType.Custom, targetProperty: properties.key, properties: properties }; },
    PropertyPaneCheckbox: field(FieldType.CheckBox),
    PropertyPaneTextField: field(FieldType.TextField),
    PropertyPaneToggle: field(FieldType.Toggle),
    PropertyPaneDropdown: field(FieldType.Dropdown),
    PropertyPaneLabel: field(FieldType.Label),
    PropertyPaneSlider: field(FieldType.Slider),
    PropertyPaneChoiceGroup: field(FieldType.ChoiceGroup),
    PropertyPaneButton: field(FieldType.Button),
    PropertyPaneLink: field(FieldType.Link),
    PropertyPaneHeading: field(FieldType.Heading),
    PropertyPaneHorizontalRule: function () { return { type: FieldType.HorizontalRule, targetProperty: undefined, properties: {} }; },
    _ConfigurableOptionsController: ConfigurableOptionsController
  };
});
